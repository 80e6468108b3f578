// The providers among $ids that exist.
UNWIND $ids AS id
MATCH (p:Provider {id: id})
RETURN collect(p) AS rows
