// Which actors take part in the most events (as source or target)?
MATCH (e:Event)-[:SOURCE|TARGET]->(a:Actor)
RETURN a.id AS actor, a.label AS label, count(DISTINCT e) AS events
ORDER BY events DESC, actor
