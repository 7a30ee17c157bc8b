-- Rebuild entities and entity_aliases from the per-article rows. Deterministic:
-- the same per-article rows always give the same names, whatever the load order.
create or replace temp table _entities_new as
with names as (
    select entity_id, canonical_name, entity_type, wikidata_id, count(*) as n_articles
    from entity_observations
    group by all
),

ranked as (
    select
        *,
        row_number() over (
            partition by entity_id
            order by (wikidata_id is not null) desc, n_articles desc,
                length(canonical_name) desc, canonical_name
        ) as rank_
    from names
),

mention_counts as (
    select entity_id, count(*) as mention_count from mentions group by all
),

quote_counts as (
    select speaker_entity_id as entity_id, count(*) as quote_count
    from quotes
    where speaker_entity_id is not null
    group by all
),

article_counts as (
    select entity_id, count(distinct article_id) as article_count
    from entity_observations
    group by all
),

final as (
    select
        r.entity_id,
        r.canonical_name,
        r.entity_type,
        r.wikidata_id,
        coalesce(m.mention_count, 0)::integer as mention_count,
        coalesce(a.article_count, 0)::integer as article_count,
        coalesce(q.quote_count, 0)::integer as quote_count
    from ranked as r
    left join mention_counts as m on m.entity_id = r.entity_id
    left join quote_counts as q on q.entity_id = r.entity_id
    left join article_counts as a on a.entity_id = r.entity_id
    where r.rank_ = 1
)

select * from final;

create or replace temp table _aliases_new as
with decisions as (
    select entity_id, alias, rule, article_id from alias_decisions
),

final as (
    select
        entity_id,
        alias,
        list(distinct rule order by rule) as rules,
        count(distinct article_id)::integer as article_count
    from decisions
    group by all
)

select * from final;

-- Only the rows that differ are written (an increment changes a few entities; writing
-- every row again made each rebuild's commit rewrite the whole table).
insert into entities by name
select * from (
    select * from _entities_new
    except
    select
        entity_id, canonical_name, entity_type, wikidata_id,
        mention_count, article_count, quote_count
    from entities
)
on conflict (entity_id) do update set
    canonical_name = excluded.canonical_name,
    entity_type = excluded.entity_type,
    wikidata_id = excluded.wikidata_id,
    mention_count = excluded.mention_count,
    article_count = excluded.article_count,
    quote_count = excluded.quote_count;

delete from entities where entity_id not in (select entity_id from _entities_new);

insert into entity_aliases by name
select * from (
    select * from _aliases_new
    except
    select entity_id, alias, rules, article_count from entity_aliases
)
on conflict (entity_id, alias) do update set
    rules = excluded.rules,
    article_count = excluded.article_count;

delete from entity_aliases
where (entity_id, alias) not in (select (entity_id, alias) from _aliases_new);

drop table _entities_new;
drop table _aliases_new;
