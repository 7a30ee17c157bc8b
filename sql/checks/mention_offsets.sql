-- Mentions whose offsets fall outside the body or do not spell the surface.
-- Only articles changed since the last publish (unpublished_articles: their buckets are
-- marked dirty by every write) are read: the others passed this check when published.
select m.mention_id, m.article_id, m.start_char, m.end_char, m.surface
from mentions as m
inner join unpublished_articles as a on a.article_id = m.article_id
where m.start_char < 0
    or m.end_char > length(a.body)
    or m.start_char >= m.end_char
    or substr(a.body, m.start_char + 1, m.end_char - m.start_char) <> m.surface
