-- Statements whose cue-tied speakers have different family names (entity resolution can
-- leave a bare "Trump" apart from "Donald Trump", or spell "Calderón" without its accent;
-- grouping treats those as one speaker and refuses two different full names), or that
-- hold two passages of one article (a rendering is the split parts of an utterance, and
-- an uncued quote continuing the passage just before it; full quotes split only by their
-- attribution are renderings of one passage).
with speakers as (
    select distinct
        q.statement_id,
        regexp_replace(
            strip_accents(
                lower(regexp_extract(trim(coalesce(e.canonical_name, q.speaker_entity_id)), '(\S+)$'))
            ),
            '[^[:alnum:]]', '', 'g'
        ) as surname
    from quotes as q
    left join entities as e on e.entity_id = q.speaker_entity_id
    where q.statement_id is not null and q.speaker_entity_id is not null and q.cue_verb is not null
)

select statement_id, 'two speakers' as problem, count(*) as n
from speakers
group by statement_id
having count(*) > 1
union all
select statement_id, 'two renderings of one article' as problem, count(*) as n
from statement_signatures
where statement_id is not null
group by statement_id, article_id
having count(distinct coalesce(passage_id, rendering_id)) > 1
