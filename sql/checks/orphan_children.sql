-- Child rows whose article no longer exists.
select 'mentions' as tbl, article_id from mentions where article_id not in (select article_id from articles)
union all
select 'quotes', article_id from quotes where article_id not in (select article_id from articles)
union all
select 'entity_observations', article_id from entity_observations where article_id not in (select article_id from articles)
union all
select 'quote_mark_issues', article_id from quote_mark_issues where article_id not in (select article_id from articles)
