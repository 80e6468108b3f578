// The start of a backfill of the listing counters: lock the listing marker (every credential
// write locks it first, so none runs half-way through the count), then say whether the
// counters are already those of the graph's load generation, and whether a switch is under way.
MERGE (m:PathwaysMeta {key: 'listing'})
SET m.writes = coalesce(m.writes, 0) + 1
WITH m
OPTIONAL MATCH (s:PathwaysMeta {key: 'switch'})
RETURN coalesce(m.generation = coalesce(s.generation, 0), false) AS kept,
       s.phase AS phase,
       coalesce(s.generation, 0) AS generation
