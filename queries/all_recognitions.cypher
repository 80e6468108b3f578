// Every recorded decision (snapshot).
MATCH (a:Credential)-[r:RECOGNISED_AS]->(b:Credential)
RETURN a.id AS from, b.id AS to, properties(r) AS recognition
