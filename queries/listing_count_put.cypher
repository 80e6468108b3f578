// After a credential is written and linked (link_levels set its EQF levels), in the same
// transaction: count it in the listing counters of its facets (keys as listing_count_take).
MATCH (c:Credential {id: $id})
WITH c, CASE WHEN $warm THEN '\u0000warm|' ELSE '' END AS scope
UNWIND [x IN [c.country, '*'] WHERE x IS NOT NULL] AS country
UNWIND [c.kind, '*'] AS kind
UNWIND ['*'] + reduce(seen = [], e IN coalesce(c.eqf, []) |
  CASE WHEN toString(e) IN seen THEN seen ELSE seen + toString(e) END) AS eqf
MERGE (k:ListingCount {key: scope + country + '|' + kind + '|' + eqf})
ON CREATE SET k.n = 0
SET k.n = k.n + 1
