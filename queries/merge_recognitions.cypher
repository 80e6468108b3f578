// Recorded decisions, one per (from, to): rows of {from, to, props}.  Each RECOGNISED_AS
// has a mirror RECOGNISED_FROM (to -> from), so closures are one-direction traversals
// that Neo4j runs as a pruning breadth-first search.
UNWIND $rows AS row
MATCH (a:Credential {id: row.from})
MATCH (b:Credential {id: row.to})
MERGE (a)-[r:RECOGNISED_AS]->(b)
SET r = row.props
MERGE (b)-[:RECOGNISED_FROM]->(a)
