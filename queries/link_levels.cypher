// Credential -> its framework level: pairs of [credential, level key].
UNWIND $pairs AS pair
MATCH (c:Credential {id: pair[0]})
MATCH (l:Level {key: pair[1]})
MERGE (c)-[:AT_LEVEL]->(l)
