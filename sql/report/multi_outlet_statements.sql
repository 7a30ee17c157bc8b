-- Statements carried by more than one outlet: the ten most widely carried.
with final as (
    select
        s.statement_id,
        coalesce(e.canonical_name, '(unresolved speaker)') as speaker,
        s.canonical_text,
        s.outlet_count,
        s.article_count,
        array_to_string(s.outlets, ', ') as outlets
    from statements as s
    left join entities as e on e.entity_id = s.speaker_entity_id
    where s.outlet_count > 1
)

select * from final order by outlet_count desc, article_count desc, statement_id limit 10
