create table if not exists mentions (
    mention_id varchar primary key,
    article_id varchar not null,
    entity_id varchar not null,
    surface varchar not null,
    start_char integer not null,
    end_char integer not null,
    sentence_index integer not null,
    entity_type varchar not null,
    rule varchar,
    is_metonymy boolean not null,
    extractor_version varchar not null
);
comment on table mentions is 'Each occurrence of a resolved entity in an article body.';
comment on column mentions.mention_id is 'Stable id: hash of article_id and offsets.';
comment on column mentions.article_id is 'articles.article_id.';
comment on column mentions.entity_id is 'entities.entity_id the surface resolved to.';
comment on column mentions.surface is 'Text as written: articles.body[start_char:end_char].';
comment on column mentions.start_char is 'Start offset (0-based, inclusive) into articles.body.';
comment on column mentions.end_char is 'End offset (exclusive) into articles.body.';
comment on column mentions.sentence_index is '0-based sentence number within the article.';
comment on column mentions.entity_type is 'PERSON | ORG | GPE | LOC.';
comment on column mentions.rule is 'Resolution rule that linked the surface to the entity (see entity_alias_audit).';
comment on column mentions.is_metonymy is 'True when a place stands for its government (e.g. "Pyongyang said").';
comment on column mentions.extractor_version is 'Analyser version that produced the row.';
