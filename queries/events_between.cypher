// All events between two actors, in time order.
MATCH (e:Event)-[:SOURCE]->(x:Actor), (e)-[:TARGET]->(y:Actor)
WHERE x <> y AND ((x.id = $a AND y.id = $b) OR (x.id = $b AND y.id = $a))
RETURN DISTINCT e.id AS event, e.type AS type, e.date AS date, e.mode AS mode
ORDER BY date, event
