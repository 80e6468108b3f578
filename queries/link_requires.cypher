// Qualification -> a credential its requirement rules name: pairs of [from, to].
UNWIND $pairs AS pair
MATCH (a:Credential {id: pair[0]})
MATCH (b:Credential {id: pair[1]})
MERGE (a)-[:REQUIRES]->(b)
