-- Each quote with the paragraph around it (paragraphs are the body's lines).
create or replace view quotes_in_context as
with quotes_ as (
    select * from quotes_with_speakers
),

bodies as (
    select article_id, body from articles
),

bounds as (
    select
        q.*,
        b.body,
        -- Paragraph start: just after the last newline before the quote.
        q.start_char - coalesce(
            nullif(strpos(reverse(left(b.body, q.start_char)), chr(10)), 0) - 1, q.start_char
        ) as context_start_char,
        -- Paragraph end: the first newline after the quote, else the end of the body.
        coalesce(
            q.end_char + nullif(strpos(substr(b.body, q.end_char + 1), chr(10)), 0) - 1,
            length(b.body)
        ) as context_end_char
    from quotes_ as q
    inner join bodies as b on b.article_id = q.article_id
),

final as (
    select
        quote_id,
        article_id,
        outlet,
        published_date,
        speaker_name,
        kind,
        text,
        substr(body, context_start_char + 1, context_end_char - context_start_char) as context,
        start_char - context_start_char as quote_start_in_context,
        start_char,
        end_char,
        context_start_char,
        context_end_char,
        cue_verb,
        confidence,
        unattributed_reason,
        utterance_index,
        part_index
    from bounds
)

select * from final
order by article_id, start_char;
comment on view quotes_in_context is 'Every quote with the paragraph it sits in, so a reader can judge it in context.';
comment on column quotes_in_context.quote_id is 'quotes.quote_id.';
comment on column quotes_in_context.article_id is 'articles.article_id.';
comment on column quotes_in_context.outlet is 'Outlet of the article (null when unknown).';
comment on column quotes_in_context.published_date is 'Publication date of the article, when known.';
comment on column quotes_in_context.speaker_name is 'Canonical name of the speaker entity, else the speaker as written.';
comment on column quotes_in_context.kind is 'direct | partial.';
comment on column quotes_in_context.text is 'Quoted words without the quote marks.';
comment on column quotes_in_context.context is 'The paragraph (line of the body) that holds the quote, quote marks and attribution included.';
comment on column quotes_in_context.quote_start_in_context is 'Offset of the quote text inside context (0-based).';
comment on column quotes_in_context.start_char is 'Start offset of the quote in articles.body.';
comment on column quotes_in_context.end_char is 'End offset of the quote in articles.body.';
comment on column quotes_in_context.context_start_char is 'Offset of the paragraph in articles.body (inclusive).';
comment on column quotes_in_context.context_end_char is 'End offset of the paragraph in articles.body (exclusive).';
comment on column quotes_in_context.cue_verb is 'Reporting verb or phrase.';
comment on column quotes_in_context.confidence is 'Attribution confidence in [0, 1].';
comment on column quotes_in_context.unattributed_reason is 'Why no speaker entity was found; null when one was.';
comment on column quotes_in_context.utterance_index is 'Utterance number within the article; parts of one split quote share it.';
comment on column quotes_in_context.part_index is 'Part number within the utterance.';
