-- Mentions per publication day of the five most mentioned entities (dated articles only);
-- undated_mentions says how many of their mentions have no date and are not drawn.
with counted as (
    select
        m.entity_id,
        a.published_date,
        count(*) as mentions
    from mentions as m
    inner join articles as a on a.article_id = m.article_id
    group by all
),

top_entities as (
    select entity_id, sum(mentions) as total
    from counted
    group by all
    order by total desc, entity_id
    limit 5
),

final as (
    select
        coalesce(e.canonical_name, c.entity_id) as entity,
        c.published_date as day,
        c.mentions,
        sum(case when c.published_date is null then c.mentions else 0 end)
            over (partition by c.entity_id) as undated_mentions
    from counted as c
    inner join top_entities as t on t.entity_id = c.entity_id
    left join entities as e on e.entity_id = c.entity_id
)

select * from final order by entity, day nulls first
