// How many events of each type happened per month (events dated to the day or month; an event no article dates counts at its first article's month)?
MATCH (e:Event)
WHERE e.date_precision IN ['day', 'month'] OR (e.date IS NULL AND e.first_reported_on IS NOT NULL)
WITH e, CASE WHEN e.date IS NULL THEN 'reported_on' ELSE 'stated' END AS dated_by
RETURN substring(coalesce(e.date, e.first_reported_on), 0, 7) AS month, e.type AS type, dated_by,
       count(*) AS events
ORDER BY month, type, dated_by
