create table if not exists entity_observations (
    article_id varchar not null,
    entity_id varchar not null,
    canonical_name varchar not null,
    entity_type varchar not null,
    wikidata_id varchar,
    primary key (article_id, entity_id)
);
comment on table entity_observations is 'Per-article view of each entity (the name that article gives it); entities is derived from these rows.';
comment on column entity_observations.article_id is 'articles.article_id.';
comment on column entity_observations.entity_id is 'entities.entity_id.';
comment on column entity_observations.canonical_name is 'Fullest name the article gives the entity (or the gazetteer name).';
comment on column entity_observations.entity_type is 'PERSON | ORG | GPE | LOC.';
comment on column entity_observations.wikidata_id is 'Wikidata QID when the gazetteer knows the entity.';
