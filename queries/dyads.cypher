// How many events per actor pair, month, type and mode, with their Goldstein sum and mean (symmetric types once per unordered pair; undated events in the month they were reported)?
MATCH (e:Event)
OPTIONAL MATCH (e)-[:MENTIONED_IN]->(d:Document)
WHERE d.published IS NOT NULL AND d.published <> ''
WITH e, min(substring(d.published, 0, 7)) AS reported
WITH e, e.date_precision IN ['day', 'month'] AS dated, reported
WITH e, CASE WHEN dated THEN substring(e.date, 0, 7) ELSE reported END AS month,
     CASE WHEN dated THEN 0 ELSE 1 END AS from_report,
     e.type IN ['MEET', 'NEGOTIATE', 'AGREE', 'COOPERATE'] AS symmetric
WHERE month IS NOT NULL
MATCH (e)-[:SOURCE]->(a:Actor), (e)-[:TARGET]->(b:Actor)
WHERE (symmetric AND a.id < b.id) OR (NOT symmetric AND a.id <> b.id)
RETURN a.id AS actor_a, b.id AS actor_b, NOT symmetric AS directed, month, e.type AS type, e.mode AS mode,
       count(e) AS events, sum(coalesce(e.goldstein, 0.0)) AS goldstein_sum, avg(e.goldstein) AS goldstein_mean,
       sum(from_report) AS month_from_report
ORDER BY actor_a, actor_b, month, type, mode
