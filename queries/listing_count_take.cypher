// Before a credential is rewritten, in its transaction: take it out of the listing counters of
// the facets it has now.  Every credential write first locks the listing marker, and so does
// the backfill (listing_backfill_lock): a backfill counts no write half made, and a write
// moves counters the backfill has finished.  A counter's key is country|kind|eqf, '*'
// standing for any.  $warm only in the warm-up, whose marker and counters must not be the ones
// real writes lock: a flag, not a key prefix, since Neo4j plans a string parameter apart per
// size bucket and the warm-up must leave the plan a real write uses (warmup.ID_SIZES).
WITH CASE WHEN $warm THEN '\u0000warm|' ELSE '' END AS scope
MERGE (m:PathwaysMeta {key: scope + 'listing'})
SET m.writes = coalesce(m.writes, 0) + 1
WITH scope, m
OPTIONAL MATCH (c:Credential {id: $id})
WITH scope, c
WHERE c.kind IS NOT NULL
UNWIND [x IN [c.country, '*'] WHERE x IS NOT NULL] AS country
UNWIND [c.kind, '*'] AS kind
UNWIND ['*'] + reduce(seen = [], e IN coalesce(c.eqf, []) |
  CASE WHEN toString(e) IN seen THEN seen ELSE seen + toString(e) END) AS eqf
MATCH (k:ListingCount {key: scope + country + '|' + kind + '|' + eqf})
SET k.n = k.n - 1
