-- Which outlets quote which speakers (utterances; split quotes count once).
create or replace view who_quotes_whom as
with utterances_ as (
    select distinct q.article_id, q.utterance_index, q.speaker_entity_id, q.kind,
        coalesce(a.outlet, 'unknown') as outlet
    from quotes as q
    inner join articles as a on a.article_id = q.article_id
    where q.speaker_entity_id is not null
),

final as (
    select
        u.outlet,
        e.entity_id as speaker_entity_id,
        e.canonical_name as speaker_name,
        e.entity_type as speaker_type,
        count(*) filter (where u.kind = 'direct') as direct_quotes,
        count(*) filter (where u.kind = 'partial') as partial_quotes,
        count(distinct u.article_id) as articles
    from utterances_ as u
    inner join entities as e on e.entity_id = u.speaker_entity_id
    group by all
)

select * from final
order by outlet, direct_quotes + partial_quotes desc, speaker_name;
comment on view who_quotes_whom is 'Outlet x speaker: how many utterances each outlet quotes from each resolved speaker.';
comment on column who_quotes_whom.outlet is 'Outlet; ''unknown'' when the article names none.';
comment on column who_quotes_whom.speaker_entity_id is 'entities.entity_id of the speaker.';
comment on column who_quotes_whom.speaker_name is 'Canonical name of the speaker.';
comment on column who_quotes_whom.speaker_type is 'PERSON | ORG | GPE | LOC.';
comment on column who_quotes_whom.direct_quotes is 'Direct utterances (split quotes count once).';
comment on column who_quotes_whom.partial_quotes is 'Partial quotes (quoted words inside reported speech).';
comment on column who_quotes_whom.articles is 'Articles of that outlet quoting the speaker.';
