-- Statements whose renderings have two different cue-tied speakers, or that hold two
-- utterances of one article (split parts of one utterance are one rendering).
select statement_id, 'two speakers' as problem, count(distinct speaker_entity_id) as n
from quotes
where statement_id is not null and speaker_entity_id is not null and cue_verb is not null
group by statement_id
having count(distinct speaker_entity_id) > 1
union all
select statement_id, 'two utterances of one article' as problem, count(distinct utterance_index) as n
from quotes
where statement_id is not null
group by statement_id, article_id
having count(distinct utterance_index) > 1
