// The credentials of the given shapes other than the ids already held (equivalence reach),
// as property maps without search texts, and the skills their outcomes name.
UNWIND $shapes AS shape
MATCH (c:Credential {shape: shape})
WHERE NOT c.id IN $known
WITH c
ORDER BY c.id
WITH collect(c) AS found
CALL (found) {
  UNWIND found AS x
  MATCH (x)-[:HAS_SKILL]->(s:Skill)
  WITH DISTINCT s
  RETURN collect(s {.id, .labels}) AS skills
}
RETURN [c IN found | c {.id, .kind, .title, .country, .language, .provider, .level_framework, .level_code, .ects, .hours, .assessment, .participation, .quality_assurance, .valid_from, .valid_until, .outcomes, .prerequisites, .requirements, .extra}] AS credentials,
       skills
