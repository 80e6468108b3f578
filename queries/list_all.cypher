// A page of credentials by id after $after (keyset, through the id index, stopping at
// $take), optionally of one EQF level; and how many pass, from its counter.
CALL () {
  MATCH (c:Credential)
  USING INDEX c:Credential(id)
  WHERE c.id > $after AND ($eqf IS NULL OR $eqf IN coalesce(c.eqf, []))
  WITH c
  ORDER BY c.id
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
CALL () {
  // The count store (no credential read): the total unfiltered, whatever the counters.
  MATCH (c:Credential)
  RETURN count(c) AS everything
}
CALL (kept) {
  // Counters not (yet) valid (see list_by_country), one level asked: from the few levels
  // (with statistics of a loaded graph the planner would otherwise scan every credential
  // and expand towards its level).
  WITH kept WHERE NOT kept AND $eqf IS NOT NULL
  MATCH (l:Level)
  USING SCAN l:Level
  WHERE $eqf IN l.eqf
  MATCH (l)<-[:AT_LEVEL]-(c:Credential)
  RETURN count(DISTINCT c) AS at_level
}
RETURN page, CASE WHEN $eqf IS NULL THEN everything WHEN kept THEN counter ELSE at_level END AS total
