// Remove everything pathways keeps, and nothing else the database may hold.
MATCH (n)
WHERE n:Credential OR n:Framework OR n:Level OR n:Provider OR n:Skill OR n:Token OR n:OutcomeKey
DETACH DELETE n
