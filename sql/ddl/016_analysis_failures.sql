-- Articles whose analysis failed; the run goes on with every other article.
create table if not exists analysis_failures (
    article_id varchar primary key,
    stage varchar not null,
    error_type varchar not null,
    message varchar not null,
    elapsed_s double not null,
    analyser_version varchar not null,
    failed_at timestamp not null
);
comment on table analysis_failures is 'One row per article whose analysis raised an exception or overran its time budget (NEWS_ARTICLE_BUDGET_S). Such an article has no mentions or quotes; it is retried when the analyser version changes, or by `python -m pipelines retry-failures`.';
comment on column analysis_failures.article_id is 'articles.article_id.';
comment on column analysis_failures.stage is 'Stage that failed: nlp (spaCy), entities, quotes, authors (byline resolution) or rows (mapping to warehouse rows).';
comment on column analysis_failures.error_type is 'Exception class name, or BudgetExceeded when the article took longer than its budget.';
comment on column analysis_failures.message is 'Exception message (first 2,000 characters) or the budget overrun in seconds.';
comment on column analysis_failures.elapsed_s is 'Seconds the article had spent in analysis when it failed.';
comment on column analysis_failures.analyser_version is 'Analyser version that failed (articles.nlp_version); a new version retries the article.';
comment on column analysis_failures.failed_at is 'When the failure was recorded (UTC).';
