// The credentials passing the filters aligned to each of $skills: rows of [skill, [ids]].
UNWIND $skills AS sid
MATCH (:Skill {id: sid})<-[:HAS_SKILL]-(c:Credential)
WHERE ($country IS NULL OR c.country = $country)
  AND ($kind IS NULL OR c.kind = $kind)
  AND ($eqf IS NULL OR $eqf IN coalesce(c.eqf, []))
WITH sid, collect(c.id) AS ids
RETURN collect([sid, ids]) AS rows
