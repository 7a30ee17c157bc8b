-- Text macros shared by the writer (to build the search index) and the published
-- catalog (to parse queries): both sides tokenise with exactly this SQL. Written for
-- DuckDB 1.1+ (no lambdas), so any 1.x client can run them.

-- Publishing bucket of an article (first two hex digits of md5(article_id)).
create or replace macro bucket_of(article_id) as left(md5(article_id), 2);

-- Words of a text: lower case, accents removed, runs of letters and digits.
create or replace macro search_tokens(txt) as
    regexp_extract_all(lower(strip_accents(coalesce(txt, ''))), '[a-z0-9]+');

-- Words too common to help ranking (and the "s" of possessives).
create or replace macro search_is_stopword(word) as list_contains(
    ['a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'from', 'had',
     'has', 'have', 'he', 'her', 'his', 'i', 'in', 'is', 'it', 'its', 'of', 'on', 'or',
     's', 'she', 'that', 'the', 'their', 'they', 'this', 'to', 'was', 'we', 'were',
     'will', 'with'],
    word
);

-- Plural folding (Harman's "S" stemmer): troops -> troop, policies -> policy,
-- deployments -> deployment; "us", "ss" and "is" endings are left alone.
create or replace macro search_stem(word) as case
    when length(word) > 3 and regexp_matches(word, '[^ae]ies$')
        then left(word, length(word) - 3) || 'y'
    when length(word) > 3 and regexp_matches(word, '[^aeo]es$')
        then left(word, length(word) - 1)
    when length(word) > 2 and regexp_matches(word, '[^uis]s$')
        then left(word, length(word) - 1)
    else word
end;
