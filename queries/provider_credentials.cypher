// The provider $id (null when unknown) and the credentials it offers.
MATCH (p:Provider {id: $id})
OPTIONAL MATCH (c:Credential)-[:OFFERED_BY]->(p)
RETURN p.id AS provider, collect(c) AS credentials
