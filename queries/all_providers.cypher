// Every provider (snapshot).
MATCH (p:Provider)
RETURN p AS provider
