-- Each outlet's wording of a statement side by side: one row per rendering, with speaker and date.
create or replace view statement_renderings as
with parts as (
    select * from quotes where statement_id is not null
),

renderings as (
    select
        statement_id,
        article_id,
        utterance_index,
        string_agg(text, ' … ' order by part_index) as rendering_text,
        case when bool_or(kind = 'direct') then 'direct' else 'partial' end as kind,
        any_value(speaker_surface order by part_index) as speaker_surface,
        any_value(cue_verb order by part_index) as cue_verb,
        list(quote_id order by part_index) as quote_ids
    from parts
    group by all
),

final as (
    select
        r.statement_id,
        s.speaker_entity_id,
        e.canonical_name as speaker_name,
        a.outlet,
        a.published_date,
        a.title,
        r.article_id,
        r.rendering_text,
        r.kind,
        r.speaker_surface,
        r.cue_verb,
        s.quote_count as statement_quote_count,
        s.outlet_count as statement_outlet_count,
        s.canonical_text,
        r.quote_ids
    from renderings as r
    inner join statements as s on s.statement_id = r.statement_id
    inner join articles as a on a.article_id = r.article_id
    left join entities as e on e.entity_id = s.speaker_entity_id
)

select * from final;
comment on view statement_renderings is 'Every rendering of every statement: filter statement_quote_count > 1 and order by statement_id, published_date to read the wordings side by side.';
comment on column statement_renderings.statement_id is 'statements.statement_id.';
comment on column statement_renderings.speaker_entity_id is 'The statement''s speaker (statements.speaker_entity_id).';
comment on column statement_renderings.speaker_name is 'entities.canonical_name of the speaker.';
comment on column statement_renderings.outlet is 'Outlet that ran this rendering.';
comment on column statement_renderings.published_date is 'Publication date of the article carrying it.';
comment on column statement_renderings.title is 'Title of the article carrying it.';
comment on column statement_renderings.article_id is 'articles.article_id.';
comment on column statement_renderings.rendering_text is 'The words as this article quoted them (split parts joined with " … ").';
comment on column statement_renderings.kind is 'direct or partial.';
comment on column statement_renderings.speaker_surface is 'How this article named the speaker.';
comment on column statement_renderings.cue_verb is 'This article''s reporting verb.';
comment on column statement_renderings.statement_quote_count is 'Renderings of the statement in all (statements.quote_count).';
comment on column statement_renderings.statement_outlet_count is 'Outlets carrying the statement (statements.outlet_count).';
comment on column statement_renderings.canonical_text is 'statements.canonical_text: the first rendering''s wording.';
comment on column statement_renderings.quote_ids is 'quotes.quote_id of this rendering''s parts.';
