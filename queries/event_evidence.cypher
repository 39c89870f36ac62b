// What are the evidence sentences for an event, and which documents are they from?
MATCH (:Event {id: $event})-[:EVIDENCED_BY]->(v:Evidence)
OPTIONAL MATCH (v)-[:IN_DOCUMENT]->(d:Document)
RETURN v.id AS evidence, v.sentence AS sentence, v.lang AS lang, v.start AS start, v.end AS end,
       d.id AS document
ORDER BY document, start
