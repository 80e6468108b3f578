// Credential -> a skill of its outcomes: pairs of [credential, skill].  Run by loads only,
// on staged skills, whose holders skill_holders packs after the links (writes keep theirs
// in write_credential).
UNWIND $pairs AS pair
MATCH (c:Credential {id: pair[0]})
MATCH (s:Skill {id: pair[1]})
MERGE (c)-[:HAS_SKILL]->(s)
