// What validating one write reads, and nothing else: the credentials it names, the owners
// of the outcome ids it sets by hand, every credential reachable through PREREQUISITE or
// REQUIRES from those it depends on (a new cycle passes through the written credential),
// and the providers and skills it names.  Index seeks and one pruning traversal, no scan.
CALL {
  UNWIND $credentials AS id
  MATCH (c:Credential {id: id})
  RETURN collect(c) AS named
}
CALL {
  UNWIND $outcomes AS oid
  MATCH (c:Credential)-[:OWNS_OUTCOME]->(:OutcomeKey {id: oid})
  RETURN collect(DISTINCT c) AS owners
}
CALL {
  UNWIND $depends_on AS id
  MATCH (p:Credential {id: id})-[:PREREQUISITE|REQUIRES*0..]->(q:Credential)
  WITH DISTINCT q
  RETURN collect(q) AS reached
}
CALL {
  UNWIND $providers AS id
  MATCH (p:Provider {id: id})
  RETURN collect(p) AS providers
}
CALL {
  UNWIND $skills AS id
  MATCH (s:Skill {id: id})
  RETURN collect(s {.id, .labels}) AS skills
}
RETURN named, owners, reached, providers, skills
