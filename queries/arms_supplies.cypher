// Who supplied arms (or anything else) to whom, and what?
MATCH (s:Actor)-[r:SUPPLIED]->(t:Actor)
MATCH (e:Event {id: r.event_id})
RETURN s.id AS supplier, t.id AS recipient, e.object AS object, r.date AS date, r.mode AS mode, e.id AS event
