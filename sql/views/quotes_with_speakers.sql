-- Every quote with its article and the speaker's canonical name: the usual starting point.
create or replace view quotes_with_speakers as
with quotes_ as (
    select * from quotes
),

speakers as (
    select entity_id, canonical_name, entity_type from entities
),

final as (
    select
        q.quote_id,
        q.article_id,
        a.outlet,
        a.published_date,
        a.title,
        q.kind,
        q.text,
        coalesce(s.canonical_name, q.speaker_surface) as speaker_name,
        s.entity_type as speaker_type,
        q.speaker_entity_id,
        q.speaker_surface,
        q.cue_verb,
        q.via_translator,
        q.confidence,
        q.unattributed_reason,
        q.utterance_index,
        q.part_index,
        q.start_char,
        q.end_char
    from quotes_ as q
    inner join articles as a on a.article_id = q.article_id
    left join speakers as s on s.entity_id = q.speaker_entity_id
)

select * from final
