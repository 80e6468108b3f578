// What planning $target needs: the target, the credentials its rules name and the held
// ones, closed under "its prerequisites" and "credentials recognised as it" (the
// RECOGNISED_FROM mirror), plus every decision into a credential of that set.
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
RETURN collect({credential: found, into: into}) AS found
