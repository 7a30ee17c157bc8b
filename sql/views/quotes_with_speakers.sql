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

select * from final;
comment on view quotes_with_speakers is 'Every quote with its article and the speaker''s canonical name: the usual starting point.';
comment on column quotes_with_speakers.quote_id is 'quotes.quote_id.';
comment on column quotes_with_speakers.article_id is 'articles.article_id.';
comment on column quotes_with_speakers.outlet is 'Outlet of the article (null when unknown).';
comment on column quotes_with_speakers.published_date is 'Publication date of the article, when known.';
comment on column quotes_with_speakers.title is 'Headline of the article, when it has one.';
comment on column quotes_with_speakers.kind is 'direct | partial.';
comment on column quotes_with_speakers.text is 'Quoted words without the quote marks.';
comment on column quotes_with_speakers.speaker_name is 'Canonical name of the speaker entity, else the speaker as written.';
comment on column quotes_with_speakers.speaker_type is 'Entity type of the speaker (null when unattributed).';
comment on column quotes_with_speakers.speaker_entity_id is 'entities.entity_id of the speaker; null when unattributed.';
comment on column quotes_with_speakers.speaker_surface is 'Speaker as written near the quote.';
comment on column quotes_with_speakers.cue_verb is 'Reporting verb or phrase.';
comment on column quotes_with_speakers.via_translator is 'True when given through a translator or interpreter.';
comment on column quotes_with_speakers.confidence is 'Attribution confidence in [0, 1].';
comment on column quotes_with_speakers.unattributed_reason is 'Why no speaker entity was found; null when one was.';
comment on column quotes_with_speakers.utterance_index is 'Utterance number within the article.';
comment on column quotes_with_speakers.part_index is 'Part number within the utterance.';
comment on column quotes_with_speakers.start_char is 'Start offset into articles.body.';
comment on column quotes_with_speakers.end_char is 'End offset into articles.body.';
