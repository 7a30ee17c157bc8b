-- Quotes per attribution-confidence band (tenths) and kind; unattributed quotes apart.
with banded as (
    select
        kind,
        case
            when speaker_entity_id is null then 'unattributed'
            else printf('%.1f', floor(least(confidence, 0.999) * 10) / 10)
        end as band
    from quotes
),

final as (
    select band, kind, count(*) as quotes
    from banded
    group by all
)

select * from final order by band, kind
