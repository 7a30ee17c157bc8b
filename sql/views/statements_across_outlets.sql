-- Which statements were carried by more than one outlet, and who ran them first.
create or replace view statements_across_outlets as
with renderings as (
    select
        q.statement_id,
        q.article_id,
        a.outlet,
        a.published_date,
        min(q.start_char) as start_char
    from quotes as q
    inner join articles as a on a.article_id = q.article_id
    where q.statement_id is not null
    group by all
),

firsts as (
    -- Earliest dated rendering; ties on the date are reported, not broken silently.
    select
        statement_id,
        min(published_date) as first_date,
        list_sort(list_distinct(list(outlet) filter (where outlet is not null))) as outlets_all
    from renderings
    group by all
),

first_outlets as (
    select
        r.statement_id,
        list_sort(list_distinct(list(r.outlet) filter (where r.outlet is not null))) as first_outlets
    from renderings as r
    inner join firsts as f on f.statement_id = r.statement_id and r.published_date = f.first_date
    group by all
),

final as (
    select
        s.statement_id,
        e.canonical_name as speaker_name,
        s.speaker_entity_id,
        s.canonical_text,
        s.outlet_count,
        s.outlets,
        s.quote_count,
        f.first_date,
        fo.first_outlets,
        coalesce(len(fo.first_outlets), 0) = 1 as first_is_unique,
        s.first_article_id,
        s.last_date
    from statements as s
    inner join firsts as f on f.statement_id = s.statement_id
    left join first_outlets as fo on fo.statement_id = s.statement_id
    left join entities as e on e.entity_id = s.speaker_entity_id
    where s.outlet_count > 1
)

select * from final;
comment on view statements_across_outlets is 'Statements carried by more than one outlet, with the outlet(s) that ran them first (by published_date).';
comment on column statements_across_outlets.statement_id is 'statements.statement_id.';
comment on column statements_across_outlets.speaker_name is 'entities.canonical_name of the speaker.';
comment on column statements_across_outlets.speaker_entity_id is 'statements.speaker_entity_id.';
comment on column statements_across_outlets.canonical_text is 'The first rendering''s wording.';
comment on column statements_across_outlets.outlet_count is 'Outlets that carried it (at least 2 here).';
comment on column statements_across_outlets.outlets is 'Those outlets, sorted.';
comment on column statements_across_outlets.quote_count is 'Renderings in all.';
comment on column statements_across_outlets.first_date is 'Earliest publication date among its renderings (null when no article is dated: then nobody can be called first).';
comment on column statements_across_outlets.first_outlets is 'Outlet(s) whose rendering carries first_date; several when they ran it the same day; null when undated.';
comment on column statements_across_outlets.first_is_unique is 'True when exactly one outlet ran it first.';
comment on column statements_across_outlets.first_article_id is 'statements.first_article_id (earliest date, undated last, then article_id).';
comment on column statements_across_outlets.last_date is 'Latest publication date among its renderings.';
