-- Who is quoted most: utterances (split quotes count once) per resolved speaker.
create or replace view quotes_by_speaker as
with utterances as (
    select distinct article_id, utterance_index, speaker_entity_id, kind
    from quotes
    where speaker_entity_id is not null
),

final as (
    select
        e.entity_id,
        e.canonical_name,
        e.entity_type,
        count(*) filter (where u.kind = 'direct') as direct_quotes,
        count(*) filter (where u.kind = 'partial') as partial_quotes,
        count(distinct u.article_id) as articles
    from utterances as u
    inner join entities as e on e.entity_id = u.speaker_entity_id
    group by all
)

select * from final
order by direct_quotes desc, partial_quotes desc, canonical_name;
comment on view quotes_by_speaker is 'Who is quoted most: utterances (split quotes count once) per resolved speaker.';
comment on column quotes_by_speaker.entity_id is 'entities.entity_id of the speaker.';
comment on column quotes_by_speaker.canonical_name is 'Display name of the speaker.';
comment on column quotes_by_speaker.entity_type is 'PERSON | ORG | GPE | LOC.';
comment on column quotes_by_speaker.direct_quotes is 'Direct utterances.';
comment on column quotes_by_speaker.partial_quotes is 'Partial quotes (quoted words inside reported speech).';
comment on column quotes_by_speaker.articles is 'Articles quoting the speaker.';
