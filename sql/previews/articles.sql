select article_id, source_file, outlet, authors, title, published_date, word_count
from articles
order by ingested_at desc, article_id
limit ?
