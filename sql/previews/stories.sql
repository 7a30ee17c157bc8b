select title, article_count, outlet_count, outlets, first_date, last_date
from stories
order by outlet_count desc, article_count desc, first_date nulls last, story_id
limit ?
