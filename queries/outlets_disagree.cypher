// Which events do articles disagree on (told as fact or as a source's claim in one article, denied or negated in another)?
MATCH (e:Event)-[:HAS_TELLING]->(a:Telling), (e)-[:HAS_TELLING]->(b:Telling)
WHERE a.mode IN ['asserted', 'reported'] AND b.mode IN ['denied', 'negated']
OPTIONAL MATCH (a)-[:IN_DOCUMENT]->(da:Document)
OPTIONAL MATCH (b)-[:IN_DOCUMENT]->(db:Document)
RETURN e.id AS event, e.type AS type, e.mode AS mode, a.document AS affirmed_in, da.outlet AS affirming_outlet,
       a.mode AS affirmed_as, b.document AS denied_in, db.outlet AS denying_outlet, b.mode AS denied_as
