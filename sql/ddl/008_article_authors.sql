create table if not exists article_authors (
    article_id varchar not null,
    author_index integer not null,
    author_name varchar not null,
    entity_id varchar,
    primary key (article_id, author_index)
);
comment on table article_authors is 'Bylined authors of each article, resolved to PERSON entities.';
comment on column article_authors.article_id is 'articles.article_id.';
comment on column article_authors.author_index is '0-based position in the byline.';
comment on column article_authors.author_name is 'Author name as printed.';
comment on column article_authors.entity_id is 'entities.entity_id of the author (a PERSON).';
