-- Mentions, quote speakers and authors pointing at an entity that does not exist.
select 'mention' as kind, entity_id from mentions where entity_id not in (select entity_id from entities)
union all
select 'quote_speaker', speaker_entity_id from quotes
where speaker_entity_id is not null and speaker_entity_id not in (select entity_id from entities)
union all
select 'author', entity_id from article_authors
where entity_id is not null and entity_id not in (select entity_id from entities)
