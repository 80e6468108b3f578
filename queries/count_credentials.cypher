// How many credentials the database holds (answered from the count store).
MATCH (c:Credential)
RETURN count(c) AS n
