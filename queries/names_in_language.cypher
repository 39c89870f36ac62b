// What are the actors' names in a given language (kk, ru or en)?
MATCH (a:Actor)
UNWIND a['names_' + $lang] AS name
RETURN a.id AS actor, name
ORDER BY actor, name
