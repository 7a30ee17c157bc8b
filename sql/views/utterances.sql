-- Split quotes joined up: one row per utterance, its parts in order.
create or replace view utterances as
with parts as (
    select * from quotes_with_speakers
),

final as (
    select
        article_id,
        utterance_index,
        any_value(outlet) as outlet,
        any_value(published_date) as published_date,
        any_value(speaker_name) as speaker_name,
        any_value(speaker_entity_id) as speaker_entity_id,
        any_value(kind) as kind,
        string_agg(text, ' ' order by part_index) as text,
        count(*) as parts,
        min(start_char) as start_char,
        max(end_char) as end_char,
        max(confidence) as confidence,
        any_value(unattributed_reason) as unattributed_reason
    from parts
    group by article_id, utterance_index
)

select * from final
order by article_id, utterance_index;
comment on view utterances is 'One row per utterance: the parts of a split quote ("We will," he said, "rebuild it.") joined in order.';
comment on column utterances.article_id is 'articles.article_id.';
comment on column utterances.utterance_index is 'Utterance number within the article (quotes.utterance_index).';
comment on column utterances.outlet is 'Outlet of the article (null when unknown).';
comment on column utterances.published_date is 'Publication date of the article, when known.';
comment on column utterances.speaker_name is 'Canonical name of the speaker entity, else the speaker as written.';
comment on column utterances.speaker_entity_id is 'entities.entity_id of the speaker; null when unattributed.';
comment on column utterances.kind is 'direct | partial.';
comment on column utterances.text is 'The parts'' texts joined with a space, in order.';
comment on column utterances.parts is 'Number of quoted parts (1 for an unsplit quote).';
comment on column utterances.start_char is 'Start of the first part in articles.body.';
comment on column utterances.end_char is 'End of the last part in articles.body.';
comment on column utterances.confidence is 'Highest attribution confidence among the parts.';
comment on column utterances.unattributed_reason is 'Why no speaker entity was found; null when one was.';
