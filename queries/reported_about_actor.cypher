// Who reported what about actor X (events X takes part in, with each article's speaker and that article's mode)?
MATCH (e:Event)-[:HAS_TELLING]->(t:Telling)-[:REPORTED_BY]->(r:Actor), (e)-[:SOURCE|TARGET]->(:Actor {id: $actor})
RETURN DISTINCT r.id AS reporter, r.label AS reporter_label, e.id AS event, e.type AS type,
       e.date AS date, t.mode AS mode, t.document AS document
