// What planning $target needs: the target, the credentials its rules name and the held
// ones, closed under "its prerequisites" and "credentials recognised as it" (the
// RECOGNISED_FROM mirror), plus every decision into a credential of that set.  Credentials
// come back as maps of the properties a Credential is made of (no search texts).
MATCH (t:Credential {id: $target})
OPTIONAL MATCH (t)-[:REQUIRES]->(named:Credential)
WITH t, collect(named) AS named
OPTIONAL MATCH (h:Credential)
WHERE h.id IN $held
WITH t, named, collect(h) AS held
WITH [t] + named + held AS seeds
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
