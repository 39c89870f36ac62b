// Which events happened within N km of a point (latitude, longitude)?
// An event's point is its place's (a country's capital when the place is a country); the distance is
// great-circle, on a sphere of radius 6378.14 km (Neo4j's), and the point index on Actor.location serves it.
MATCH (e:Event)-[:AT]->(p:Actor)
WHERE point.distance(p.location, point({latitude: $lat, longitude: $lon})) <= $km * 1000.0
RETURN e.id AS event, e.type AS type, e.date AS date, e.mode AS mode, p.id AS place
ORDER BY date, event
