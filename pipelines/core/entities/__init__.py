"""Entity resolution: NER spans -> canonical entities, mentions and an audit trail.

Recall comes from knowledge and rules (the shipped gazetteer, name-key folding from
``normalize``), precision from refusing to guess: a bare surname is linked only to a
person named in the same article, or to a gazetteer person when the surname is unique
and not a common one; ambiguous acronyms are linked only when the article spells the
organisation out. Every surface -> entity decision is returned as an ``AliasDecision``
naming the rule and its evidence.

Ids: ``entity_id(type, key)`` with key = Wikidata QID when known, else the normalised
name key, so ids agree across articles, outlets and runs. A bare surname that cannot be
linked gets an article-local key (it must not merge globally).

Capital-city metonymy policy: a capital mentioned as an actor ("Moscow's war",
"Pyongyang said", "talks between Seoul and Tokyo") is linked to its country with
``is_metonymy=True``; a capital used as a place (after a locative preposition such as
"in"/"to"/"from", in a dateline, or as "Seoul-based") stays the city. Without context
(``resolve_name``) a capital is the city.

Package layout: ``gazetteer`` (the index and its public lookups, ``EntityResolver``),
``orgs`` (organisation lookups beyond the exact name: roles, transliterations, brands),
``article`` (the per-article passes), ``textscan`` (their offset scanning:
taken ranges, name owners, whole-word hits), ``loaders`` (gazetteer records, overrides, rule
tables, data version), ``names`` (keys and records they all use, and their one import
point for ``normalize`` and ``models``).
"""

from pipelines.core.entities.gazetteer import EntityResolver
from pipelines.core.entities.loaders import Overrides, resolver_data_version

__all__ = ["EntityResolver", "Overrides", "resolver_data_version"]
