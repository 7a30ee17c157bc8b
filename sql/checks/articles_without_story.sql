-- Articles with no story, or pointing at a story that does not exist.
select a.article_id, a.story_id
from articles as a
left join stories as s on s.story_id = a.story_id
where s.story_id is null
