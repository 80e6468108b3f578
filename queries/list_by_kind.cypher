// A page of one kind's credentials by id after $after (keyset, through the (kind, id)
// index, stopping at $take), optionally of one EQF level; and the count, from its counter.
CALL () {
  MATCH (c:Credential)
  USING INDEX c:Credential(kind, id)
  WHERE c.kind = $kind AND c.id > $after
    AND ($eqf IS NULL OR $eqf IN coalesce(c.eqf, []))
  WITH c
  // Ordering by both keys lets the composite index give the order (one kind anyway).
  ORDER BY c.kind, c.id
  LIMIT $take
  RETURN collect(c) AS page
}
CALL () {
  // Kept by every write and load (listing_count_put, listing_counts): no credential read.
  OPTIONAL MATCH (k:ListingCount {key: coalesce($country, '*') + '|' + coalesce($kind, '*') + '|' + coalesce(toString($eqf), '*')})
  RETURN coalesce(k.n, 0) AS total
}
RETURN page, total
