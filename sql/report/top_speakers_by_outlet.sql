-- Utterances (a split quote counts once) of the ten most quoted speakers, per outlet.
with utterances as (
    select distinct
        q.article_id,
        q.utterance_index,
        q.speaker_entity_id,
        coalesce(a.outlet, '(unknown outlet)') as outlet
    from quotes as q
    inner join articles as a on a.article_id = q.article_id
    where q.speaker_entity_id is not null
),

per_outlet as (
    select speaker_entity_id, outlet, count(*) as utterances
    from utterances
    group by all
),

top_speakers as (
    select speaker_entity_id, sum(utterances) as total
    from per_outlet
    group by all
    order by total desc, speaker_entity_id
    limit 10
),

final as (
    select
        coalesce(e.canonical_name, p.speaker_entity_id) as speaker,
        t.total,
        p.outlet,
        p.utterances
    from per_outlet as p
    inner join top_speakers as t on t.speaker_entity_id = p.speaker_entity_id
    left join entities as e on e.entity_id = p.speaker_entity_id
)

select * from final order by total desc, speaker, outlet
