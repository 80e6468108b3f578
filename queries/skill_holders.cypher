// Up to $take skills without `held`, write-locked, with their holders: [skill node id,
// credential node ids]; store.neo4j.holders packs each list into `held` in the same
// transaction (search ranks by it).  A skill's holders are
//   `held` (bytes: node ids as little-endian int64, sorted), minus `held_minus`, plus
//   `held_plus`: the lists writes keep (write_credential) once `held` exists, so a write
// costs the same however many credentials hold the skill.  Run for a load's
// staged skills before the switch, and when a store opens for the skills of a graph
// loaded before `held` existed.  The lock first: a write linking the skill meanwhile is
// read after it commits, and a write after this commits keeps the lists.
// id() is deprecated in Neo4j 5 in favour of elementId(), a string: an integer packs into
// eight bytes, and a node keeps its id while it lives (credentials are only deleted with
// their whole graph, whose skills go with them).
MATCH (s:Skill)
WHERE s.held IS NULL
WITH s
ORDER BY id(s)
LIMIT $take
SET s.held_plus = null, s.held_minus = null
RETURN collect([id(s), [(s)<-[:HAS_SKILL]-(c:Credential) | id(c)]]) AS skills
