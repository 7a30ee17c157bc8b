-- Entity pairs mentioned together, in the same article and in the same sentence.
create or replace view co_mentions as
with per_sentence as (
    select distinct article_id, sentence_index, entity_id from mentions
),

pairs as (
    select
        a.entity_id as entity_id_1,
        b.entity_id as entity_id_2,
        a.article_id,
        a.sentence_index = b.sentence_index as same_sentence
    from per_sentence as a
    inner join per_sentence as b
        on b.article_id = a.article_id and a.entity_id < b.entity_id
),

counted as (
    select
        entity_id_1,
        entity_id_2,
        count(distinct article_id) as articles,
        count(*) filter (where same_sentence) as sentences
    from pairs
    group by all
),

final as (
    select
        c.entity_id_1,
        e1.canonical_name as name_1,
        c.entity_id_2,
        e2.canonical_name as name_2,
        c.articles,
        c.sentences
    from counted as c
    inner join entities as e1 on e1.entity_id = c.entity_id_1
    inner join entities as e2 on e2.entity_id = c.entity_id_2
)

select * from final
order by articles desc, sentences desc, name_1, name_2;
comment on view co_mentions is 'Pairs of entities mentioned in the same article, and how often in the same sentence (each pair once, entity_id_1 < entity_id_2).';
comment on column co_mentions.entity_id_1 is 'entities.entity_id of the first entity (the smaller id).';
comment on column co_mentions.name_1 is 'Canonical name of the first entity.';
comment on column co_mentions.entity_id_2 is 'entities.entity_id of the second entity.';
comment on column co_mentions.name_2 is 'Canonical name of the second entity.';
comment on column co_mentions.articles is 'Articles mentioning both.';
comment on column co_mentions.sentences is 'Sentences mentioning both (summed over articles).';
