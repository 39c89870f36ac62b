// Which events are told in a given mode (asserted, reported, denied, planned, negated; contested when articles disagree)?
MATCH (e:Event {mode: $mode})
RETURN e.id AS event, e.type AS type, e.date AS date, e.confidence AS confidence
ORDER BY date, event
