// Credentials whose requirement rules name $id.
MATCH (q:Credential)-[:REQUIRES]->(:Credential {id: $id})
RETURN DISTINCT q AS credential
