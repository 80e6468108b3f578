// Every framework with its levels in framework order.
MATCH (f:Framework)
OPTIONAL MATCH (f)-[:HAS_LEVEL]->(l:Level)
WITH f, l
ORDER BY l.ord
RETURN f AS framework, collect(l) AS levels
