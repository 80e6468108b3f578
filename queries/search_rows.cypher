// Credentials passing the search filters, with the normalised texts fuzzy matching scores.
MATCH (c:Credential)
WHERE ($country IS NULL OR c.country = $country)
  AND ($kind IS NULL OR c.kind = $kind)
  AND ($eqf IS NULL OR $eqf IN coalesce(c.eqf, []))
RETURN collect({id: c.id, title: c.search_title, body: c.search_body}) AS rows
