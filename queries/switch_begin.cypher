// The commit point of a load: from here the staged graph is the graph, and the relabelling
// that follows (retire_batch, then promote_batch) is finished by this load or the next one.
// Readers that see a phase wait for it to clear; writes refuse while it is set.
MERGE (s:PathwaysMeta {key: 'switch'})
SET s.generation = coalesce(s.generation, 0) + 1, s.phase = 'retire'
RETURN s.generation AS generation
