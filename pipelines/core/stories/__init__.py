"""Stories and statements: group articles about one happening, and quotes of one utterance.

Pure functions of plain values (no dagster, no duckdb): the warehouse step hands in
stored signatures and links and writes back what these functions return.
"""

from pipelines.core.stories.groups import (
    Link,
    assign_ids,
    cluster_average,
    new_group_id,
    partition,
)
from pipelines.core.stories.statements import (
    Rendering,
    StatementIndex,
    StatementQuote,
    days_between,
    group_renderings,
    overlapping_cuts,
    pair_reason,
    rendering_age,
    renderings,
    said_again,
)
from pipelines.core.stories.statements import link_new_articles as link_new_renderings
from pipelines.core.stories.stories import (
    StoryArticle,
    StoryIndex,
    StoryMention,
    StorySignature,
    salient_entities,
    story_buckets_needed,
    story_groups,
    story_signature,
)
from pipelines.core.stories.stories import link_new_articles as link_new_stories

__all__ = [
    "Link",
    "Rendering",
    "StatementIndex",
    "StatementQuote",
    "StoryArticle",
    "StoryIndex",
    "StoryMention",
    "StorySignature",
    "assign_ids",
    "cluster_average",
    "days_between",
    "group_renderings",
    "link_new_renderings",
    "link_new_stories",
    "new_group_id",
    "overlapping_cuts",
    "pair_reason",
    "partition",
    "rendering_age",
    "renderings",
    "said_again",
    "salient_entities",
    "story_buckets_needed",
    "story_groups",
    "story_signature",
]
