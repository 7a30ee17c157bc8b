create table if not exists quotes (
    quote_id varchar primary key,
    article_id varchar not null,
    text varchar not null,
    start_char integer not null,
    end_char integer not null,
    kind varchar not null,
    utterance_index integer not null,
    part_index integer not null,
    speaker_entity_id varchar,
    speaker_surface varchar,
    speaker_start_char integer,
    speaker_end_char integer,
    cue_verb varchar,
    via_translator boolean not null,
    confidence double not null,
    unattributed_reason varchar,
    extractor_version varchar not null
);
comment on table quotes is 'Quotations and who said them. A split quote is several rows sharing utterance_index.';
comment on column quotes.quote_id is 'Stable id: hash of article_id, kind and offsets.';
comment on column quotes.article_id is 'articles.article_id.';
comment on column quotes.text is 'Quoted words without the quote marks: articles.body[start_char:end_char].';
comment on column quotes.start_char is 'Start offset (inclusive) into articles.body.';
comment on column quotes.end_char is 'End offset (exclusive) into articles.body.';
comment on column quotes.kind is 'direct (a full quoted utterance) | partial (quoted words inside reported speech).';
comment on column quotes.utterance_index is 'Utterance number within the article; parts of one split quote share it.';
comment on column quotes.part_index is 'Part number within the utterance (0 for unsplit quotes).';
comment on column quotes.speaker_entity_id is 'entities.entity_id of the speaker; null when unresolved (see unattributed_reason).';
comment on column quotes.speaker_surface is 'Speaker as written near the quote ("he", "the office", "Yoon").';
comment on column quotes.speaker_start_char is 'Offset of the speaker surface in articles.body.';
comment on column quotes.speaker_end_char is 'End offset of the speaker surface.';
comment on column quotes.cue_verb is 'Reporting verb or phrase ("said", "added", "according to").';
comment on column quotes.via_translator is 'True when the quote was given through a translator or interpreter.';
comment on column quotes.confidence is 'Attribution confidence in [0, 1]; lower for quotes attributed by continuation.';
comment on column quotes.unattributed_reason is 'Why speaker_entity_id is null; null when a speaker entity was found.';
comment on column quotes.extractor_version is 'Analyser version that produced the row.';
