-- Quotes with no speaker entity, with the reason and what was written near them.
create or replace view unattributed_quotes as
with final as (
    select
        quote_id,
        article_id,
        outlet,
        published_date,
        kind,
        text,
        unattributed_reason,
        speaker_name as speaker_as_written,
        cue_verb,
        context
    from quotes_in_context
    where unattributed_reason is not null
)

select * from final
order by unattributed_reason, article_id, quote_id;
comment on view unattributed_quotes is 'Quotes the extractor could not tie to a speaker entity, with the recorded reason and the paragraph around them.';
comment on column unattributed_quotes.quote_id is 'quotes.quote_id.';
comment on column unattributed_quotes.article_id is 'articles.article_id.';
comment on column unattributed_quotes.outlet is 'Outlet of the article (null when unknown).';
comment on column unattributed_quotes.published_date is 'Publication date of the article, when known.';
comment on column unattributed_quotes.kind is 'direct | partial.';
comment on column unattributed_quotes.text is 'Quoted words without the quote marks.';
comment on column unattributed_quotes.unattributed_reason is 'unresolved_pronoun | nominal_speaker | speaker_not_an_entity | no_cue | no_speaker_found.';
comment on column unattributed_quotes.speaker_as_written is 'Speaker text found near the quote ("the official"), when any.';
comment on column unattributed_quotes.cue_verb is 'Reporting verb or phrase, when any.';
comment on column unattributed_quotes.context is 'The paragraph that holds the quote.';
