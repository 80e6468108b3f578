// Every provider (snapshot).
MATCH (p:Provider)
RETURN collect(p) AS rows
