// Before a credential is rewritten, in its transaction: take it out of the listing counters of
// the facets it has now.  MERGE locks it (making a bare placeholder when it is new, so two
// replicas writing one id take turns and the second sees the first's facets, not the ones
// before).  A counter's key is country|kind|eqf, '*' standing for any; $scope is '' except
// in the warm-up, whose counters must not be the ones real writes lock.
MERGE (c:Credential {id: $id})
SET c.counting = true
WITH c
WHERE c.kind IS NOT NULL
UNWIND [x IN [c.country, '*'] WHERE x IS NOT NULL] AS country
UNWIND [c.kind, '*'] AS kind
UNWIND ['*'] + reduce(seen = [], e IN coalesce(c.eqf, []) |
  CASE WHEN toString(e) IN seen THEN seen ELSE seen + toString(e) END) AS eqf
MATCH (k:ListingCount {key: $scope + country + '|' + kind + '|' + eqf})
SET k.n = k.n - 1
