// Who reported what about actor X (events X takes part in that are attributed to a named source)?
MATCH (e:Event)-[:REPORTED_BY]->(r:Actor), (e)-[:SOURCE|TARGET]->(:Actor {id: $actor})
RETURN DISTINCT r.id AS reporter, r.label AS reporter_label, e.id AS event, e.type AS type,
       e.date AS date, e.mode AS mode
