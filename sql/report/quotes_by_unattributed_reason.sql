-- Quotes per attribution outcome: attributed, or the reason no speaker entity was found.
with final as (
    select
        coalesce(unattributed_reason, 'attributed') as reason,
        kind,
        count(*) as quotes
    from quotes
    group by all
)

select * from final order by reason = 'attributed' desc, quotes desc, reason, kind
