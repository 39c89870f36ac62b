// How did each article tell event X (its mode, speakers, channels and date as written)?
MATCH (:Event {id: $event})-[:HAS_TELLING]->(t:Telling)
OPTIONAL MATCH (t)-[:IN_DOCUMENT]->(d:Document)
OPTIONAL MATCH (t)-[:REPORTED_BY]->(r:Actor)
OPTIONAL MATCH (t)-[:VIA]->(v:Actor)
RETURN t.document AS document, d.outlet AS outlet, t.mode AS mode, r.id AS reported_by, v.id AS via,
       t.date_text AS date_text, t.reported_on AS reported_on
ORDER BY reported_on, document
