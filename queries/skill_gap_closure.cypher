// What a skill-gap plan needs: the credentials teaching any of $skills, the held ones and
// what a held one is recognised as, closed under "its prerequisites" and "credentials
// recognised as it" (the RECOGNISED_FROM mirror), plus every decision into that set.
OPTIONAL MATCH (t:Credential)-[:HAS_SKILL]->(s:Skill)
WHERE s.id IN $skills
WITH collect(DISTINCT t) AS teachers
OPTIONAL MATCH (h:Credential)
WHERE h.id IN $held
WITH teachers, collect(h) AS held
OPTIONAL MATCH (g:Credential)-[:RECOGNISED_AS]->(x:Credential)
WHERE g.id IN $held
WITH teachers, held, collect(DISTINCT x) AS recognised
WITH teachers + held + recognised AS seeds
UNWIND seeds AS seed
MATCH (seed)-[:PREREQUISITE|RECOGNISED_FROM*0..]->(found:Credential)
WITH DISTINCT found
OPTIONAL MATCH (src:Credential)-[r:RECOGNISED_AS]->(found)
WITH found,
     collect(CASE WHEN r IS NULL THEN NULL ELSE {from: src.id, props: properties(r)} END) AS into
RETURN collect({
  credential: found {.id, .kind, .title, .country, .language, .provider, .level_framework, .level_code, .ects, .hours, .assessment, .participation, .quality_assurance, .valid_from, .valid_until, .outcomes, .prerequisites, .requirements, .extra},
  into: into
}) AS found
