// Everything `equivalents` needs from the graph that writes change, in one round trip: the
// credential, the decisions recorded from it and their targets, its shortlist by the rule of
// pathways.domain.candidates (as in shortlist.cypher: shared skills, then shared informative
// tokens, then EQF distance) and the graph version.  Credentials come back as property maps
// without the normalised texts only search reads.  The levels and the skills their outcomes
// name change only with a load: each replica keeps them per load (reads.LoadCache).
MATCH (c:Credential {id: $id})
CALL (c) {
  MATCH (c)-[r:RECOGNISED_AS]->(t:Credential)
  WITH r, t
  ORDER BY t.id
  RETURN collect({to: t.id, props: properties(r)}) AS recs, collect(t) AS targets
}
CALL () {
  MATCH (x:Credential)
  RETURN count(x) AS n
}
WITH c, recs, targets, coalesce(c.eqf, []) AS ce,
     CASE WHEN toInteger($df_share * n) > $min_df THEN toInteger($df_share * n)
          ELSE $min_df END AS max_df
CALL (c, ce, max_df) {
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
  ORDER BY skills DESC, tokens DESC, distance ASC, o.id ASC
  LIMIT $limit
  RETURN collect(o) AS short
}
CALL () {
  OPTIONAL MATCH (m:PathwaysMeta {key: 'graph'})
  RETURN m.version AS version
}
RETURN c {.id, .kind, .title, .country, .language, .provider, .level_framework, .level_code, .ects, .hours, .assessment, .participation, .quality_assurance, .valid_from, .valid_until, .outcomes, .prerequisites, .requirements, .extra} AS credential,
       recs,
       [t IN targets | t {.id, .kind, .title, .country, .language, .provider, .level_framework, .level_code, .ects, .hours, .assessment, .participation, .quality_assurance, .valid_from, .valid_until, .outcomes, .prerequisites, .requirements, .extra}] AS targets,
       [o IN short | o {.id, .kind, .title, .country, .language, .provider, .level_framework, .level_code, .ects, .hours, .assessment, .participation, .quality_assurance, .valid_from, .valid_until, .outcomes, .prerequisites, .requirements, .extra}] AS short,
       version
