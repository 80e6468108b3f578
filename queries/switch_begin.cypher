// The commit point of a load: from here the staged graph is the graph, and the relabelling
// that follows (retire_batch, then promote_batch) is finished by this load or the next one.
// Readers that see a phase wait for it to clear; writes refuse while it is set.
// The staged graph's listing counters (listing_counts) are complete: they are this
// generation's (taking the listing marker's lock waits for the credential writes in flight).
MERGE (s:PathwaysMeta {key: 'switch'})
SET s.generation = coalesce(s.generation, 0) + 1, s.phase = 'retire'
WITH s
MERGE (m:PathwaysMeta {key: 'listing'})
SET m.generation = s.generation
RETURN s.generation AS generation
