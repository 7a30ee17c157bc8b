-- A story's articles in date order with their outlets.
create or replace view story_articles as
with final as (
    select
        a.story_id,
        s.title as story_title,
        row_number() over (
            partition by a.story_id order by a.published_date asc nulls last, a.article_id
        ) as position,
        a.published_date,
        a.outlet,
        a.title,
        a.article_id,
        a.word_count,
        s.article_count as story_article_count,
        s.outlet_count as story_outlet_count
    from articles as a
    inner join stories as s on s.story_id = a.story_id
)

select * from final;
comment on view story_articles is 'Each story''s articles in date order (undated last); order by story_id, position.';
comment on column story_articles.story_id is 'stories.story_id.';
comment on column story_articles.story_title is 'stories.title.';
comment on column story_articles.position is '1 for the story''s first article, by published_date (undated last), then article_id.';
comment on column story_articles.published_date is 'The article''s publication date.';
comment on column story_articles.outlet is 'The article''s outlet.';
comment on column story_articles.title is 'The article''s title.';
comment on column story_articles.article_id is 'articles.article_id.';
comment on column story_articles.word_count is 'articles.word_count.';
comment on column story_articles.story_article_count is 'Articles in the story.';
comment on column story_articles.story_outlet_count is 'Outlets in the story.';
