// Equivalence candidates for $id by the rule of pathways.domain.candidates: shared
// skills, shared informative tokens (held by at most $max_df credentials), EQF distance.
MATCH (c:Credential {id: $id})
OPTIONAL MATCH (c)-[:AT_LEVEL]->(cl:Level)
WITH c, coalesce(cl.eqf, []) AS ce
CALL {
  WITH c
  MATCH (c)-[:HAS_SKILL]->(:Skill)<-[:HAS_SKILL]-(o:Credential)
  WHERE o <> c
  RETURN o, count(*) AS skills, 0 AS tokens
  UNION ALL
  WITH c
  MATCH (c)-[:HAS_TOKEN]->(t:Token)
  WHERE COUNT { (t)<-[:HAS_TOKEN]-() } <= $max_df
  MATCH (t)<-[:HAS_TOKEN]-(o:Credential)
  WHERE o <> c
  RETURN o, 0 AS skills, count(*) AS tokens
}
WITH ce, o, sum(skills) AS skills, sum(tokens) AS tokens
WHERE $country_key IS NULL OR o.country_key = $country_key
OPTIONAL MATCH (o)-[:AT_LEVEL]->(ol:Level)
WITH o, skills, tokens, ce, coalesce(ol.eqf, []) AS oe
WITH o, skills, tokens,
     CASE WHEN size(ce) = 0 OR size(oe) = 0 THEN $no_eqf
          ELSE reduce(best = $no_eqf, x IN ce |
                 reduce(b = best, y IN oe | CASE WHEN abs(x - y) < b THEN abs(x - y) ELSE b END))
     END AS distance
RETURN o.id AS id
ORDER BY skills DESC, tokens DESC, distance ASC, id ASC
LIMIT $limit
