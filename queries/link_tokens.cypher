// Credential -> each of its index tokens (candidate shortlist): pairs of [credential, token].
UNWIND $pairs AS pair
MATCH (c:Credential {id: pair[0]})
MERGE (t:Token {value: pair[1]})
MERGE (c)-[:HAS_TOKEN]->(t)
