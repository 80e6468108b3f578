// Equivalence candidates for $id by the rule of pathways.domain.candidates: shared
// skills, then shared informative tokens (a token is informative when at most
// max(min_df, floor(df_share * credentials)) credentials hold it), then EQF distance.
MATCH (c:Credential {id: $id})
CALL () {
  MATCH (x:Credential)
  RETURN count(x) AS n
}
WITH c, CASE WHEN toInteger($df_share * n) > $min_df THEN toInteger($df_share * n)
             ELSE $min_df END AS max_df
WITH c, max_df, coalesce(c.eqf, []) AS ce
CALL (c, max_df) {
  MATCH (c)-[:HAS_SKILL]->(:Skill)<-[:HAS_SKILL]-(o:Credential)
  WHERE o <> c
  RETURN o, count(*) AS skills, 0 AS tokens
  UNION ALL
  MATCH (c)-[:HAS_TOKEN]->(t:Token)
  WHERE COUNT { (t)<-[:HAS_TOKEN]-() } <= max_df
  MATCH (t)<-[:HAS_TOKEN]-(o:Credential)
  WHERE o <> c
  RETURN o, 0 AS skills, count(*) AS tokens
}
WITH ce, o, sum(skills) AS skills, sum(tokens) AS tokens
WHERE $country_key IS NULL OR o.country_key = $country_key
WITH o, skills, tokens, ce, coalesce(o.eqf, []) AS oe
WITH o, skills, tokens,
     CASE WHEN size(ce) = 0 OR size(oe) = 0 THEN $no_eqf
          ELSE reduce(best = $no_eqf, x IN ce |
                 reduce(b = best, y IN oe | CASE WHEN abs(x - y) < b THEN abs(x - y) ELSE b END))
     END AS distance
WITH o, skills, tokens, distance
ORDER BY skills DESC, tokens DESC, distance ASC, o.id ASC
LIMIT $limit
RETURN collect(o) AS credentials
