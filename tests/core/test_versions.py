"""Version stamps follow the files each stage really depends on."""

import re
from pathlib import Path

from pipelines.core import versions


def test_parser_version_covers_every_rule_file_the_parser_reads():
    parse_dir = Path(versions.__file__).parent / "parse"
    used = set()
    for path in parse_dir.glob("*.py"):
        used |= set(re.findall(r'"([a-z_]+\.(?:txt|toml|tsv|jsonl))"', path.read_text()))
    assert used == set(versions.PARSER_RULE_FILES)


def test_versions_are_stable_strings():
    assert versions.parser_version() == versions.parser_version()
    assert re.fullmatch(r"\d+\.\d+\.\d+\+[0-9a-f]{10}", versions.parser_version())
    assert re.fullmatch(r"[0-9a-f]{10}", versions.analysis_code_version())
