// Every level of every framework.
MATCH (l:Level)
RETURN collect(l) AS levels
