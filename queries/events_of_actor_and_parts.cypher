// Which events involve actor X or any of its parts (e.g. the White House for the United States)?
MATCH (p:Actor)-[:PART_OF*0..]->(:Actor {id: $actor})
MATCH (e:Event)-[:SOURCE|TARGET]->(p)
RETURN DISTINCT e.id AS event, e.type AS type, p.id AS participant, e.date AS date
ORDER BY date, event, participant
