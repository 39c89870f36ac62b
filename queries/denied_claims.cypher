// Which claims did someone deny, who denied them, in which article, and who was said to have done what was denied?
MATCH (d:Event {type: 'DENY'})-[:ABOUT]->(c:Event), (d)-[:SOURCE]->(denier:Actor)
MATCH (c)-[:SOURCE]->(claimed:Actor), (d)-[:HAS_TELLING]->(t:Telling)
RETURN denier.id AS denier, denier.label AS denier_label, c.id AS claim, c.type AS claim_type,
       claimed.id AS claim_source, c.mode AS claim_mode, d.date AS denied_on, t.document AS document
