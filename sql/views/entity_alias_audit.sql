-- Why each alias went to its entity: every decision with its rule and evidence.
create or replace view entity_alias_audit as
with decisions as (
    select * from alias_decisions
),

final as (
    select
        d.alias,
        d.entity_id,
        e.canonical_name,
        e.entity_type,
        e.wikidata_id,
        d.rule,
        d.evidence,
        d.article_id
    from decisions as d
    left join entities as e on e.entity_id = d.entity_id
)

select * from final
order by canonical_name, alias, rule, article_id
