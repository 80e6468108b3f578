// Credential -> its prerequisite: pairs of [credential, prerequisite].
UNWIND $pairs AS pair
MATCH (a:Credential {id: pair[0]})
MATCH (b:Credential {id: pair[1]})
MERGE (a)-[:PREREQUISITE]->(b)
