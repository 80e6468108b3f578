// Credential -> a skill of its outcomes: pairs of [credential, skill].
// The skill's holders (see skill_holders) gain the credential; a skill without them (a
// load's, built after its links; or one skill_holders has not reached yet) is left so.
UNWIND $pairs AS pair
MATCH (c:Credential {id: pair[0]})
MATCH (s:Skill {id: pair[1]})
MERGE (c)-[:HAS_SKILL]->(s)
SET s.holders = [h IN s.holders WHERE h <> id(c)] + id(c)
