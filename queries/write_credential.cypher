// One credential write in one statement (one round trip, where a statement a step took ten):
// the listing's counters of its old facets, the record as merge_credentials writes it (its
// links that changed only), each link as the link_* statement of its kind draws it (loads
// still run those, on staged nodes; tests/unit/store/neo4j/test_write_statement.py holds the
// two to the same graph), the counters of its new facets, then the version bump.
// $write is one map {id, props, requires, prerequisites, skills, providers, levels, tokens,
// outcome_keys}, each link kind a list of target ids: Neo4j keys a cached plan by the size
// bucket of each top-level list or string parameter, not by what a map holds, so one plan
// serves every write (warmup.transactions warms it).
// The listing's counters: every credential write first locks the listing marker, and so does
// the backfill (listing_backfill_lock): a backfill counts no write half made, and a write
// moves counters the backfill has finished.  A counter's key is country|kind|eqf, '*'
// standing for any.  $warm only in the warm-up, whose marker, counters and version must not
// be the ones real writes lock: a flag, not a key prefix, so the warm-up's plan is the one
// a real write uses.
WITH $write AS w, CASE WHEN $warm THEN '\u0000warm|' ELSE '' END AS scope
// the listing marker locked first, then the counters of the facets the credential has now
CALL (w, scope) {
  MERGE (m:PathwaysMeta {key: scope + 'listing'})
  SET m.writes = coalesce(m.writes, 0) + 1
  WITH m
  OPTIONAL MATCH (c:Credential {id: w.id})
  WITH c
  WHERE c.kind IS NOT NULL
  UNWIND [x IN [c.country, '*'] WHERE x IS NOT NULL] AS country
  UNWIND [c.kind, '*'] AS kind
  UNWIND ['*'] + reduce(seen = [], e IN coalesce(c.eqf, []) |
    CASE WHEN toString(e) IN seen THEN seen ELSE seen + toString(e) END) AS eqf
  MATCH (k:ListingCount {key: scope + country + '|' + kind + '|' + eqf})
  SET k.n = k.n - 1
}
MERGE (c:Credential {id: w.id})
SET c = w.props
WITH w, scope, c
// the links the new version no longer has go (RECOGNISED_AS stays), and the skills it no
// longer holds list it as lost (see skill_holders); the links it keeps
// are left as they are, so a new version rewrites only what changed and locks no skill,
// token or level it keeps
CALL (c, w) {
  MATCH (c)-[r:REQUIRES|PREREQUISITE|HAS_SKILL|AT_LEVEL|OFFERED_BY|HAS_TOKEN|OWNS_OUTCOME]->(x)
  WITH c, r, x, CASE type(r)
      WHEN 'REQUIRES' THEN w.requires
      WHEN 'PREREQUISITE' THEN w.prerequisites
      WHEN 'HAS_SKILL' THEN w.skills
      WHEN 'AT_LEVEL' THEN w.levels
      WHEN 'OFFERED_BY' THEN w.providers
      WHEN 'HAS_TOKEN' THEN w.tokens
      ELSE w.outcome_keys
    END AS kept
  WHERE NOT coalesce(x.id, x.key, x.value) IN kept
  WITH c, r, x, type(r) = 'HAS_SKILL' AS held
  DELETE r
  WITH c, x
  WHERE held AND x.held IS NOT NULL
  SET x.held_minus = [h IN coalesce(x.held_minus, []) WHERE h <> id(c)] + id(c),
      x.held_plus = [h IN coalesce(x.held_plus, []) WHERE h <> id(c)]
}
CALL (c, w) {
  UNWIND w.requires AS id
  MATCH (b:Credential {id: id})
  MERGE (c)-[:REQUIRES]->(b)
}
CALL (c, w) {
  UNWIND w.prerequisites AS id
  MATCH (b:Credential {id: id})
  MERGE (c)-[:PREREQUISITE]->(b)
}
CALL (c, w) {
  UNWIND w.skills AS id
  MATCH (s:Skill {id: id})
  OPTIONAL MATCH (c)-[kept:HAS_SKILL]->(s)
  WITH c, s, kept IS NULL AS gained
  MERGE (c)-[:HAS_SKILL]->(s)
  // a link it keeps already counts it among the skill's holders (held or held_plus):
  // that skill is neither rewritten nor locked; one it gains lists it as gained
  WITH c, s, s.held IS NULL AS unpacked
  WHERE gained
  SET s.held_plus = CASE WHEN unpacked THEN null
                    ELSE [h IN coalesce(s.held_plus, []) WHERE h <> id(c)] + id(c) END,
      s.held_minus = CASE WHEN unpacked THEN null
                     ELSE [h IN coalesce(s.held_minus, []) WHERE h <> id(c)] END
}
CALL (c, w) {
  UNWIND w.providers AS id
  MATCH (p:Provider {id: id})
  MERGE (c)-[:OFFERED_BY]->(p)
}
CALL (c, w) {
  UNWIND w.levels AS key
  MATCH (l:Level {key: key})
  MERGE (c)-[:AT_LEVEL]->(l)
  SET c.eqf = l.eqf,
      c.search_facets = c.search_facets + reduce(f = '', e IN l.eqf | f + ' e_' + toString(e))
}
CALL (c, w) {
  UNWIND w.tokens AS value
  MERGE (t:Token {value: value})
  MERGE (c)-[:HAS_TOKEN]->(t)
}
CALL (c, w) {
  UNWIND w.outcome_keys AS id
  MERGE (k:OutcomeKey {id: id})
  MERGE (c)-[:OWNS_OUTCOME]->(k)
}
// counted in the listing counters of the facets it has now (link_levels set its EQF levels)
CALL (c, scope) {
  UNWIND [x IN [c.country, '*'] WHERE x IS NOT NULL] AS country
  UNWIND [c.kind, '*'] AS kind
  UNWIND ['*'] + reduce(seen = [], e IN coalesce(c.eqf, []) |
    CASE WHEN toString(e) IN seen THEN seen ELSE seen + toString(e) END) AS eqf
  MERGE (k:ListingCount {key: scope + country + '|' + kind + '|' + eqf})
  ON CREATE SET k.n = 0
  SET k.n = k.n + 1
}
// the graph's change count, and whether a load's switch is under way (see bump_version;
// the warm-up counts its own, locking nothing a real write needs)
WITH scope, count(*) AS one
MERGE (m:PathwaysMeta {key: scope + 'graph'})
SET m.version = coalesce(m.version, 0) + 1
WITH m
OPTIONAL MATCH (s:PathwaysMeta {key: 'switch'})
RETURN m.version AS version, s.phase AS switching
