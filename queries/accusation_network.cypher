// The accusation network: who accused whom, and how many times?
MATCH (a:Actor)-[r:ACCUSED]->(b:Actor)
RETURN a.id AS accuser, b.id AS accused, count(r) AS accusations
ORDER BY accusations DESC, accuser, accused
