// A page of one country's credentials by id after $after (keyset, through the
// (country, id) index, stopping at $take), other filters checked on the way; and the count, from its counter.
CALL () {
  MATCH (c:Credential)
  USING INDEX c:Credential(country, id)
  WHERE c.country = $country AND c.id > $after
    AND ($kind IS NULL OR c.kind = $kind)
    AND ($eqf IS NULL OR $eqf IN coalesce(c.eqf, []))
  WITH c
  // Ordering by both keys lets the composite index give the order (one country anyway).
  ORDER BY c.country, c.id
  LIMIT $take
  RETURN collect(c) AS page
}
CALL () {
  // Kept by every write and load (write_credential, listing_counts): one seek, no credential
  // read, when the listing marker says the counters are those of the graph's load generation.
  OPTIONAL MATCH (m:PathwaysMeta {key: 'listing'})
  OPTIONAL MATCH (s:PathwaysMeta {key: 'switch'})
  OPTIONAL MATCH (k:ListingCount {key: coalesce($country, '*') + '|' + coalesce($kind, '*') + '|' + coalesce(toString($eqf), '*')})
  RETURN coalesce(m.generation = coalesce(s.generation, 0), false) AS kept, coalesce(k.n, 0) AS counter
}
CALL (kept) {
  // Counters not (yet) valid, say a database loaded before they existed and not backfilled
  // yet (store.neo4j.counters): count the matches instead.
  WITH kept WHERE NOT kept
  MATCH (c:Credential)
  USING INDEX c:Credential(country)
  WHERE c.country = $country
    AND ($kind IS NULL OR c.kind = $kind)
    AND ($eqf IS NULL OR $eqf IN coalesce(c.eqf, []))
  RETURN count(c) AS counted
}
RETURN page, CASE WHEN kept THEN counter ELSE counted END AS total
