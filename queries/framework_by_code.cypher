// One framework with its levels in order.
MATCH (f:Framework {code: $code})
OPTIONAL MATCH (f)-[:HAS_LEVEL]->(l:Level)
WITH f, l
ORDER BY l.ord
RETURN f AS framework, collect(l) AS levels
