select speaker_name, kind, cue_verb, round(confidence, 2) as confidence, text
from quotes_with_speakers
order by published_date desc nulls last, article_id, start_char
limit ?
