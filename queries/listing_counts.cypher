// A load's listing counters, computed over the staged graph once its links are drawn (keys as
// write_credential); they become live with it in the switch.  One row a credential and
// facet combination, aggregated as they stream: the few counters are all that is held.
MATCH (c:Credential)
UNWIND [x IN [c.country, '*'] WHERE x IS NOT NULL] AS country
UNWIND [c.kind, '*'] AS kind
UNWIND ['*'] + reduce(seen = [], e IN coalesce(c.eqf, []) |
  CASE WHEN toString(e) IN seen THEN seen ELSE seen + toString(e) END) AS eqf
WITH country + '|' + kind + '|' + eqf AS key, count(*) AS n
CREATE (:ListingCount {key: key, n: n})
