// Every credential (snapshot).
MATCH (c:Credential)
RETURN collect(c) AS credentials
