// Credential -> its framework level: pairs of [credential, level key].  The level's EQF
// references are copied onto the credential (levels change only with a whole new graph),
// so shortlist and search read a property instead of expanding a dense node.
UNWIND $pairs AS pair
MATCH (c:Credential {id: pair[0]})
MATCH (l:Level {key: pair[1]})
MERGE (c)-[:AT_LEVEL]->(l)
SET c.eqf = l.eqf
