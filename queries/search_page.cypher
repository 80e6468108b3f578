// One page of credentials passing the search filters, by id, and how many pass.
MATCH (c:Credential)
WHERE ($country IS NULL OR c.country = $country)
  AND ($kind IS NULL OR c.kind = $kind)
  AND ($eqf IS NULL OR $eqf IN coalesce(c.eqf, []))
WITH c
ORDER BY c.id
WITH collect(c) AS matches
RETURN size(matches) AS total, matches[$offset..$offset + $limit] AS page
