-- The ten stories with the most articles, with their outlets.
with final as (
    select
        story_id,
        coalesce(title, story_id) as title,
        article_count,
        outlet_count,
        array_to_string(outlets, ', ') as outlets
    from stories
    where article_count > 1
)

select * from final order by article_count desc, outlet_count desc, story_id limit 10
