// Which documents mention actor X?
MATCH (:Actor {id: $actor})-[:MENTIONED_IN]->(d:Document)
RETURN d.id AS document, d.title AS title, d.lang AS lang, d.published AS published, d.outlet AS outlet
ORDER BY published, document
