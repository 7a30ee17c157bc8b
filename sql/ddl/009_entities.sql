create table if not exists entities (
    entity_id varchar primary key,
    canonical_name varchar not null,
    entity_type varchar not null,
    wikidata_id varchar,
    mention_count integer not null,
    article_count integer not null,
    quote_count integer not null
);
comment on table entities is 'One row per real-world entity (person, organisation, country/place) across all articles.';
comment on column entities.entity_id is 'Stable id: hash of type and Wikidata QID, or of the normalised name when no QID is known.';
comment on column entities.canonical_name is 'Display name: the gazetteer name, else the most common full name across articles.';
comment on column entities.entity_type is 'PERSON | ORG | GPE | LOC.';
comment on column entities.wikidata_id is 'Wikidata QID when known.';
comment on column entities.mention_count is 'Rows in mentions for this entity.';
comment on column entities.article_count is 'Distinct articles mentioning, quoting or authored by the entity.';
comment on column entities.quote_count is 'Rows in quotes attributed to this entity.';

create table if not exists entity_aliases (
    entity_id varchar not null,
    alias varchar not null,
    rules varchar[] not null,
    article_count integer not null,
    primary key (entity_id, alias)
);
comment on table entity_aliases is 'Every surface form that resolved to each entity, with the rules that linked it.';
comment on column entity_aliases.entity_id is 'entities.entity_id.';
comment on column entity_aliases.alias is 'Surface form as written in some article or byline.';
comment on column entity_aliases.rules is 'Distinct resolution rules that produced this alias (sorted).';
comment on column entity_aliases.article_count is 'Articles in which the alias was linked to the entity.';
