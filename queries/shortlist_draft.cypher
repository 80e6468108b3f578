// Equivalence candidates for a credential that need not be stored (a design draft), by the
// rule of pathways.domain.candidates over its skills $skills, index tokens $tokens and EQF
// levels $eqf; leaves out $id and, when $exclude_key is set, credentials of that country;
// keeps, when $country_key is set, only credentials of that one.
CALL () {
  MATCH (x:Credential)
  RETURN count(x) AS n
}
WITH CASE WHEN toInteger($df_share * n) > $min_df THEN toInteger($df_share * n)
          ELSE $min_df END AS max_df
CALL (max_df) {
  UNWIND $skills AS sid
  MATCH (:Skill {id: sid})<-[:HAS_SKILL]-(o:Credential)
  WHERE o.id <> $id
  RETURN o, count(*) AS skills, 0 AS tokens
  UNION ALL
  UNWIND $tokens AS tv
  MATCH (t:Token {value: tv})
  WHERE COUNT { (t)<-[:HAS_TOKEN]-() } <= max_df
  MATCH (t)<-[:HAS_TOKEN]-(o:Credential)
  WHERE o.id <> $id
  RETURN o, 0 AS skills, count(*) AS tokens
}
WITH o, sum(skills) AS skills, sum(tokens) AS tokens
WHERE ($exclude_key IS NULL OR o.country_key <> $exclude_key)
  AND ($country_key IS NULL OR o.country_key = $country_key)
WITH o, skills, tokens, coalesce(o.eqf, []) AS oe
WITH o, skills, tokens,
     CASE WHEN size($eqf) = 0 OR size(oe) = 0 THEN $no_eqf
          ELSE reduce(best = $no_eqf, x IN $eqf |
                 reduce(b = best, y IN oe | CASE WHEN abs(x - y) < b THEN abs(x - y) ELSE b END))
     END AS distance
ORDER BY skills DESC, tokens DESC, distance ASC, o.id ASC
LIMIT $limit
RETURN collect(o) AS credentials
