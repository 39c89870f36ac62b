// Which roles did a person hold, of what, and when?
MATCH (:Actor {id: $person})-[h:HOLDS_ROLE]->(o)
RETURN h.id AS holding, h.role AS role, o.id AS of, h.start AS start, h.end AS end
ORDER BY start
