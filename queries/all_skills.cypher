// Every skill (snapshot).
MATCH (s:Skill)
RETURN collect(s) AS rows
