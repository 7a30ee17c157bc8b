-- An entity's timeline: mentions per day and outlet.
create or replace view entity_timeline as
with mentions_ as (
    select
        m.entity_id,
        m.article_id,
        a.published_date,
        coalesce(a.outlet, 'unknown') as outlet
    from mentions as m
    inner join articles as a on a.article_id = m.article_id
),

final as (
    select
        e.entity_id,
        e.canonical_name,
        e.entity_type,
        m.published_date,
        m.outlet,
        count(*) as mentions,
        count(distinct m.article_id) as articles
    from mentions_ as m
    inner join entities as e on e.entity_id = m.entity_id
    group by all
)

select * from final
order by canonical_name, published_date nulls last, outlet;
comment on view entity_timeline is 'Mentions of each entity per publication day and outlet: filter on canonical_name for one entity''s timeline.';
comment on column entity_timeline.entity_id is 'entities.entity_id.';
comment on column entity_timeline.canonical_name is 'Display name of the entity.';
comment on column entity_timeline.entity_type is 'PERSON | ORG | GPE | LOC.';
comment on column entity_timeline.published_date is 'Publication day; null for articles whose date is unknown (see articles.date_reason).';
comment on column entity_timeline.outlet is 'Outlet; ''unknown'' when the article names none.';
comment on column entity_timeline.mentions is 'Mentions of the entity that day in that outlet.';
comment on column entity_timeline.articles is 'Articles that mention it that day in that outlet.';
