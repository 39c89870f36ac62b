// What did a given source report (events attributed to them, with who did what to whom)?
MATCH (e:Event)-[:REPORTED_BY]->(:Actor {id: $reporter})
MATCH (e)-[:SOURCE]->(s:Actor)
OPTIONAL MATCH (e)-[:TARGET]->(t:Actor) WHERE t <> s
RETURN e.id AS event, e.type AS type, s.id AS source, t.id AS target, e.date AS date, e.mode AS mode
ORDER BY date, event
