-- The PostgreSQL side of the benchmark: the same articles, Russian full-text
-- search with a GIN index. Loaded by bench/run.sh from the JSONL corpus on
-- stdin (one JSON object a line, read as one column).
DROP TABLE IF EXISTS raw, docs, bench_queries;
CREATE UNLOGGED TABLE raw (j jsonb);
-- CSV with quote and delimiter bytes that never occur in JSON: each line is one value.
\copy raw FROM pstdin WITH (FORMAT csv, QUOTE E'\x01', DELIMITER E'\x02')
CREATE TABLE docs (
    id text PRIMARY KEY,
    title text,
    body text,
    date text,
    url text,
    source text,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('russian', coalesce(title, '') || ' ' || coalesce(body, ''))) STORED
);
INSERT INTO docs (id, title, body, date, url, source)
SELECT DISTINCT ON (j->>'id') j->>'id', j->>'title', j->>'text', j->>'date', j->>'url', j->>'source' FROM raw;
DROP TABLE raw;
CREATE INDEX docs_tsv ON docs USING gin (tsv);
VACUUM ANALYZE docs;
