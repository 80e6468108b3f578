// The listing counters are those of load generation $generation: listings read them from now
// on (until a load of another generation, or of code that kept none, switches in).
MERGE (m:PathwaysMeta {key: 'listing'})
SET m.generation = $generation
