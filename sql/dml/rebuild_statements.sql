-- Rebuild the statements table from quotes.statement_id. Runs as one script; its one
-- parameter, the grouping version, is bound to the last statement (the only place for it).
delete from statements;
insert into statements
with parts as (
    select
        q.statement_id,
        q.article_id,
        q.utterance_index,
        q.part_index,
        q.kind,
        q.text,
        q.speaker_entity_id,
        q.cue_verb is not null as has_cue,
        a.outlet,
        a.published_date,
        a.story_id
    from quotes as q
    inner join articles as a on a.article_id = q.article_id
    where q.statement_id is not null
),

renderings as (
    select
        statement_id,
        article_id,
        utterance_index,
        any_value(outlet) as outlet,
        any_value(published_date) as published_date,
        any_value(story_id) as story_id,
        string_agg(text, ' … ' order by part_index) as rendering_text,
        bool_or(kind = 'direct') as is_direct,
        count(*) as part_count,
        row_number() over (
            partition by statement_id
            order by any_value(published_date) asc nulls last, article_id, utterance_index
        ) as position
    from parts
    group by statement_id, article_id, utterance_index
),

speakers as (
    -- The cue-tied speaker wins over a carried-over one; the smallest id breaks ties.
    select statement_id, speaker_entity_id
    from parts
    where speaker_entity_id is not null
    qualify row_number() over (
        partition by statement_id order by has_cue desc, speaker_entity_id
    ) = 1
),

final as (
    select
        r.statement_id,
        any_value(s.speaker_entity_id) as speaker_entity_id,
        any_value(r.rendering_text) filter (where r.position = 1) as canonical_text,
        case when bool_or(r.is_direct) then 'direct' else 'partial' end as kind,
        count(*)::integer as quote_count,
        sum(r.part_count)::integer as quote_part_count,
        count(distinct r.article_id)::integer as article_count,
        count(distinct r.outlet)::integer as outlet_count,
        coalesce(list_sort(list_distinct(list(r.outlet) filter (where r.outlet is not null))), []) as outlets,
        any_value(r.article_id) filter (where r.position = 1) as first_article_id,
        min(r.published_date) as first_date,
        max(r.published_date) as last_date,
        count(distinct r.story_id)::integer as story_count,
        ?::varchar as grouping_version
    from renderings as r
    left join speakers as s on s.statement_id = r.statement_id
    group by r.statement_id
)

select * from final;
