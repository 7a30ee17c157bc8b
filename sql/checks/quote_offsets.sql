-- Quotes whose offsets fall outside the body or do not spell the quote text.
-- Only articles changed since the last publish (unpublished_articles: their buckets are
-- marked dirty by every write) are read: the others passed this check when published.
select q.quote_id, q.article_id, q.start_char, q.end_char
from quotes as q
inner join unpublished_articles as a on a.article_id = q.article_id
where q.start_char < 0
    or q.end_char > length(a.body)
    or q.start_char >= q.end_char
    or substr(a.body, q.start_char + 1, q.end_char - q.start_char) <> q.text
