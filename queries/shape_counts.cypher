// How many credentials have each shape (pathways.domain.candidates.shape_key), through the
// shape index; replicas keep the answer per graph version.
MATCH (c:Credential)
WHERE c.shape IS NOT NULL
WITH c.shape AS shape, count(*) AS n
RETURN collect([shape, n]) AS counts
