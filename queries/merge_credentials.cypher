// Credentials: rows of {id, props}; drops their outgoing links so link_* can redraw them.
// RECOGNISED_AS is kept: a decision outlives a new version of its credential.
// The skills it held list it as lost (see skill_holders); link_skills adds back.
UNWIND $rows AS row
MERGE (c:Credential {id: row.id})
SET c = row.props
WITH c
CALL (c) {
  MATCH (c)-[:HAS_SKILL]->(s:Skill)
  WHERE s.held IS NOT NULL
  SET s.held_minus = [h IN coalesce(s.held_minus, []) WHERE h <> id(c)] + id(c),
      s.held_plus = [h IN coalesce(s.held_plus, []) WHERE h <> id(c)]
}
OPTIONAL MATCH (c)-[r:REQUIRES|PREREQUISITE|HAS_SKILL|AT_LEVEL|OFFERED_BY|HAS_TOKEN|OWNS_OUTCOME]->()
DELETE r
