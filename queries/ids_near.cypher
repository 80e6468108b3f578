// Ids that begin like unknown ones, to suggest from for a typo: range seeks on the id
// indexes, at most $most per prefix.  Runs only on the way to rejecting a write.
CALL {
  UNWIND $credentials AS prefix
  CALL {
    WITH prefix
    MATCH (c:Credential) WHERE c.id STARTS WITH prefix
    RETURN c.id AS id LIMIT $most
  }
  RETURN collect(DISTINCT id) AS credentials
}
CALL {
  UNWIND $providers AS prefix
  CALL {
    WITH prefix
    MATCH (p:Provider) WHERE p.id STARTS WITH prefix
    RETURN p.id AS id LIMIT $most
  }
  RETURN collect(DISTINCT id) AS providers
}
CALL {
  UNWIND $skills AS prefix
  CALL {
    WITH prefix
    MATCH (s:Skill) WHERE s.id STARTS WITH prefix
    RETURN s.id AS id LIMIT $most
  }
  RETURN collect(DISTINCT id) AS skills
}
RETURN credentials, providers, skills
