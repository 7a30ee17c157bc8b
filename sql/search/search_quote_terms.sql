-- Search index of quotes: one row per quote and term.
create or replace view search_quote_terms as
with words as (
    select quote_id, article_id, unnest(search_tokens(text)) as word
    from quotes
),

final as (
    select quote_id, article_id, search_stem(word) as term, count(*)::integer as tf
    from words
    where not search_is_stopword(word)
    group by all
)

select * from final;
comment on view search_quote_terms is 'Full-text index of quotes: how often each term occurs in each quote. Used by search_quotes().';
comment on column search_quote_terms.quote_id is 'quotes.quote_id.';
comment on column search_quote_terms.article_id is 'articles.article_id of the quote.';
comment on column search_quote_terms.term is 'Indexed term: lower case, accents removed, plurals folded (search_stem), stopwords left out.';
comment on column search_quote_terms.tf is 'Occurrences of the term in the quote (BM25 term frequency).';
