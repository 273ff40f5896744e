-- pgbench script: one search of the mix, the same answer as /api/search:
-- the 10 best by ts_rank_cd with a ts_headline snippet of the text.
-- :nq is the number of queries in bench_queries (set with pgbench -D).
\set n random(1, :nq)
SELECT id, title, date, url, source, score,
       ts_headline('russian', body, q, 'MaxFragments=1, MinWords=15, MaxWords=35') AS snippet
FROM (SELECT d.id, d.title, d.body, d.date, d.url, d.source, ts_rank_cd(d.tsv, q.q) AS score, q.q
      FROM docs d, (SELECT websearch_to_tsquery('russian', query) AS q FROM bench_queries WHERE n = :n) q
      WHERE d.tsv @@ q.q
      ORDER BY score DESC
      LIMIT 10) best
ORDER BY score DESC;
