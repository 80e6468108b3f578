// Every skill (snapshot).
MATCH (s:Skill)
RETURN s AS skill
