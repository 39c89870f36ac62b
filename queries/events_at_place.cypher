// Which events happened at place X?
MATCH (e:Event)-[:AT]->(:Actor {id: $place})
RETURN e.id AS event, e.type AS type, e.date AS date, e.mode AS mode
ORDER BY date, event
