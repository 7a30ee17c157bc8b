-- Who is mentioned most, and in how many articles and outlets.
create or replace view mentions_by_entity as
with mentions_ as (
    select m.entity_id, m.article_id, a.outlet
    from mentions as m
    inner join articles as a on a.article_id = m.article_id
),

final as (
    select
        e.entity_id,
        e.canonical_name,
        e.entity_type,
        e.wikidata_id,
        count(*) as mentions,
        count(distinct m.article_id) as articles,
        count(distinct m.outlet) as outlets
    from mentions_ as m
    inner join entities as e on e.entity_id = m.entity_id
    group by all
)

select * from final
order by mentions desc, canonical_name
