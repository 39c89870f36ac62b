// All events between two actors, in time order (an event no article dates at its first article's date).
MATCH (e:Event)-[:SOURCE]->(x:Actor), (e)-[:TARGET]->(y:Actor)
WHERE x <> y AND ((x.id = $a AND y.id = $b) OR (x.id = $b AND y.id = $a))
RETURN DISTINCT e.id AS event, e.type AS type, e.date AS date, e.mode AS mode,
       coalesce(e.date, e.first_reported_on) AS when,
       CASE WHEN e.date IS NOT NULL THEN 'stated' WHEN e.first_reported_on IS NOT NULL THEN 'reported_on' END
         AS dated_by
ORDER BY when, event
