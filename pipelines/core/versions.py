"""Code and data versions stamped on rows, so stale rows can be found and redone.

A version is the release number plus a digest of the source and rule files a stage
depends on: editing a cue-verb list or a parser module changes the version even
when nobody remembers to bump the release.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from pipelines import __version__

_CORE = Path(__file__).resolve().parent
# Rule files read by pipelines/core/parse (keep in step with parse/resources.py).
PARSER_RULE_FILES = (
    "author_placeholders.txt",
    "json_fields.toml",
    "outlet_words.txt",
    "outlets.txt",
)


def _digest_tree(paths: tuple[str, ...], exclude: frozenset[str] = frozenset()) -> str:
    h = hashlib.sha256()
    for rel in paths:
        base = _CORE / rel
        files = sorted(base.rglob("*")) if base.is_dir() else [base]
        for path in files:
            if path.relative_to(_CORE).as_posix() in exclude:
                continue
            if path.is_file() and path.suffix in {
                ".py",
                ".txt",
                ".jsonl",
                ".json",
                ".toml",
                ".tsv",
                ".csv",
            }:
                h.update(path.relative_to(_CORE).as_posix().encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:10]


@lru_cache(maxsize=1)
def parser_version() -> str:
    """Version of the parsing code and its rules."""
    # Only the parser's own rule files: editing an entity list must not re-parse everything.
    rules = tuple(f"rules/{name}" for name in PARSER_RULE_FILES)
    return f"{__version__}+{_digest_tree(('parse', 'resources.py', *rules, 'models.py', 'ids.py'))}"


# Rule files read by pipelines/core/stories.
GROUPING_RULE_FILES = (
    "statement_synonyms.tsv",
    "statement_written_words.txt",
    "story_stopwords.txt",
)


@lru_cache(maxsize=1)
def analysis_code_version() -> str:
    """Digest of the NLP, entity and quote code and rules (model and overrides excluded).

    The grouping's own rule files are left out: editing a statement synonym must re-group,
    not re-analyse every article.
    """
    return _digest_tree(
        (
            "nlp.py",
            "analysis.py",
            "entities",
            "normalize.py",
            "resources.py",
            "quotes",
            "rules",
            "models.py",
            "ids.py",
        ),
        exclude=frozenset(f"rules/{name}" for name in GROUPING_RULE_FILES),
    )


@lru_cache(maxsize=1)
def grouping_version() -> str:
    """Version of the story/statement grouping code and its rules."""
    rules = tuple(f"rules/{name}" for name in GROUPING_RULE_FILES)
    return f"{__version__}+{_digest_tree(('stories', *rules))}"
