create table if not exists alias_decisions (
    article_id varchar not null,
    entity_id varchar not null,
    alias varchar not null,
    rule varchar not null,
    evidence varchar,
    primary key (article_id, entity_id, alias)
);
comment on table alias_decisions is 'Audit trail: in which article a surface form was linked to an entity, by which rule and on what evidence.';
comment on column alias_decisions.article_id is 'articles.article_id where the decision was made.';
comment on column alias_decisions.entity_id is 'entities.entity_id.';
comment on column alias_decisions.alias is 'Surface form as written.';
comment on column alias_decisions.rule is 'Resolution rule (gazetteer, exact, short_form, title_strip, override, ...).';
comment on column alias_decisions.evidence is 'What supported the decision (the full name it was matched to, the gazetteer key, ...).';
