// How many events of each type happened per month (events dated to the day or month)?
MATCH (e:Event)
WHERE e.date_precision IN ['day', 'month']
RETURN substring(e.date, 0, 7) AS month, e.type AS type, count(*) AS events
ORDER BY month, type
