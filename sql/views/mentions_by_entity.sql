-- Who is mentioned most, and in how many articles and outlets.
create or replace view mentions_by_entity as
with mentions_ as (
    select m.entity_id, m.article_id, a.outlet is null as unknown_outlet, coalesce(a.outlet, 'unknown') as outlet
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
        count(distinct m.outlet) as outlets,
        count(distinct m.article_id) filter (where m.unknown_outlet) as articles_unknown_outlet
    from mentions_ as m
    inner join entities as e on e.entity_id = m.entity_id
    group by all
)

select * from final
order by mentions desc, canonical_name;
comment on view mentions_by_entity is 'Who is mentioned most, and in how many articles and outlets.';
comment on column mentions_by_entity.entity_id is 'entities.entity_id.';
comment on column mentions_by_entity.canonical_name is 'Display name of the entity.';
comment on column mentions_by_entity.entity_type is 'PERSON | ORG | GPE | LOC.';
comment on column mentions_by_entity.wikidata_id is 'Wikidata QID when known.';
comment on column mentions_by_entity.mentions is 'Rows in mentions.';
comment on column mentions_by_entity.articles is 'Articles mentioning the entity.';
comment on column mentions_by_entity.outlets is 'Distinct outlets mentioning it; articles without an outlet count together as one outlet, ''unknown''.';
comment on column mentions_by_entity.articles_unknown_outlet is 'Of those articles, how many name no outlet.';
