-- Rebuild the stories table from articles.story_id. Runs as one script; its one
-- parameter, the grouping version, is bound to the last statement (the only place for it).
delete from stories;
insert into stories
with members as (
    select
        story_id,
        article_id,
        outlet,
        published_date,
        coalesce(nullif(trim(title), ''), left(split_part(trim(body), chr(10), 1), 120)) as label,
        row_number() over (
            partition by story_id order by published_date asc nulls last, article_id
        ) as position
    from articles
    where story_id is not null
),

final as (
    select
        story_id,
        any_value(label) filter (where position = 1) as title,
        min(published_date) as first_date,
        max(published_date) as last_date,
        count(*)::integer as article_count,
        count(distinct outlet)::integer as outlet_count,
        coalesce(list_sort(list_distinct(list(outlet) filter (where outlet is not null))), []) as outlets,
        any_value(article_id) filter (where position = 1) as first_article_id,
        count(published_date)::integer as dated_article_count,
        ?::varchar as grouping_version
    from members
    group by story_id
)

select * from final;
