// A backfill, in the transaction listing_backfill_lock began: drop whatever counters there are
// (writes made before the counters existed may have begun some); listing_counts then counts
// every live credential afresh.
MATCH (k:ListingCount)
DETACH DELETE k
