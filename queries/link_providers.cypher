// Credential -> the provider offering it: pairs of [credential, provider].
UNWIND $pairs AS pair
MATCH (c:Credential {id: pair[0]})
MATCH (p:Provider {id: pair[1]})
MERGE (c)-[:OFFERED_BY]->(p)
