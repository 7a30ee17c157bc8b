"""Version stamps follow the files each stage really depends on."""

import re
import shutil
from pathlib import Path

from pipelines.core import versions
from pipelines.core.entities import loaders


def test_parser_version_covers_every_rule_file_the_parser_reads():
    parse_dir = Path(versions.__file__).parent / "parse"
    used = set()
    for path in parse_dir.glob("*.py"):
        used |= set(re.findall(r'"([a-z_]+\.(?:txt|toml|tsv|jsonl))"', path.read_text()))
    assert used == set(versions.PARSER_RULE_FILES)


def test_resolver_data_version_covers_every_rule_file_the_resolver_reads():
    # A rule file the resolver reads but data_version skips would leave its version
    # (stamped on runs and printed by resolve-names) unchanged after an edit.
    core = Path(versions.__file__).parent
    rules = {p.name for p in (core / "rules").iterdir()}
    used = set()
    for path in [*(core / "entities").glob("*.py"), core / "normalize.py"]:
        found = re.findall(r'"([a-z_0-9]+\.(?:txt|toml|tsv|jsonl))"', path.read_text())
        used |= {name for name in found if name in rules}
    assert used <= set(loaders._RULE_FILES)


def test_versions_are_stable_strings():
    assert versions.parser_version() == versions.parser_version()
    assert re.fullmatch(r"\d+\.\d+\.\d+\+[0-9a-f]{10}", versions.parser_version())
    assert re.fullmatch(r"[0-9a-f]{10}", versions.analysis_code_version())


def test_grouping_rules_change_the_grouping_version_only(tmp_path, monkeypatch):
    # Editing a statement synonym re-groups; it must not re-analyse every article.
    core = Path(versions.__file__).parent
    copy = tmp_path / "core"

    shutil.copytree(core, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(versions, "_CORE", copy)

    def stamps() -> tuple[str, str]:
        versions.analysis_code_version.cache_clear()
        versions.grouping_version.cache_clear()
        return versions.analysis_code_version(), versions.grouping_version()

    try:
        analysis, grouping = stamps()
        for name in versions.GROUPING_RULE_FILES:
            rule = copy / "rules" / name
            rule.write_text(rule.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        after = stamps()
        assert after[0] == analysis and after[1] != grouping
        (copy / "rules" / "quote_verbs.txt").write_text("said\n", encoding="utf-8")
        assert stamps()[0] != analysis
    finally:
        monkeypatch.undo()
        stamps()
