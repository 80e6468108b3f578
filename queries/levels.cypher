// Every level of every framework.
MATCH (l:Level)
RETURN l AS level
