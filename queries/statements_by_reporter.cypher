// What did a given source report (the tellings they speak in, with who did what to whom and the article's mode)?
MATCH (e:Event)-[:HAS_TELLING]->(t:Telling)-[:REPORTED_BY]->(:Actor {id: $reporter})
MATCH (e)-[:SOURCE]->(s:Actor)
OPTIONAL MATCH (e)-[:TARGET]->(x:Actor) WHERE x <> s
RETURN e.id AS event, e.type AS type, s.id AS source, x.id AS target, e.date AS date, t.mode AS mode,
       t.document AS document
ORDER BY date, event
