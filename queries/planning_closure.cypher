// What planning $target needs: the target, the credentials its rules name and the held
// ones, closed under "its prerequisites" and "credentials recognised as it", plus every
// decision into a credential of that set.  ANY keeps the search breadth-first per seed.
MATCH (t:Credential {id: $target})
OPTIONAL MATCH (t)-[:REQUIRES]->(named:Credential)
WITH t, collect(named) AS named
OPTIONAL MATCH (h:Credential)
WHERE h.id IN $held
WITH t, named, collect(h) AS held
WITH [t] + named + held AS seeds
UNWIND seeds AS seed
WITH DISTINCT seed
MATCH ANY (seed)
  ((a:Credential)-[step:PREREQUISITE|RECOGNISED_AS]-(b:Credential)
    WHERE (type(step) = 'PREREQUISITE' AND startNode(step) = a)
       OR (type(step) = 'RECOGNISED_AS' AND endNode(step) = a))*
  (found:Credential)
WITH DISTINCT found
OPTIONAL MATCH (src:Credential)-[r:RECOGNISED_AS]->(found)
RETURN found AS credential,
       collect(CASE WHEN r IS NULL THEN NULL ELSE {from: src.id, props: properties(r)} END) AS into
