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
order by canonical_name, alias, rule, article_id;
comment on view entity_alias_audit is 'Why each alias went to its entity: every resolution decision with its rule and evidence, per article.';
comment on column entity_alias_audit.alias is 'Surface form as written.';
comment on column entity_alias_audit.entity_id is 'entities.entity_id it was linked to.';
comment on column entity_alias_audit.canonical_name is 'Display name of the entity.';
comment on column entity_alias_audit.entity_type is 'PERSON | ORG | GPE | LOC.';
comment on column entity_alias_audit.wikidata_id is 'Wikidata QID when known.';
comment on column entity_alias_audit.rule is 'Resolution rule (gazetteer, exact, short_form, title_strip, override, ...).';
comment on column entity_alias_audit.evidence is 'What supported the decision.';
comment on column entity_alias_audit.article_id is 'articles.article_id where the decision was made.';
