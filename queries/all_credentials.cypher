// Every credential (snapshot).
MATCH (c:Credential)
RETURN c AS credential
