// Who visited country X, and when?
MATCH (v:Actor)-[r:VISITED]->(:Actor {id: $country})
RETURN r.event_id AS event, v.id AS visitor, v.label AS visitor_label, r.date AS date, r.mode AS mode
ORDER BY date, visitor
