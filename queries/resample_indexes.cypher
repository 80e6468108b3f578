// Sample every index whose statistics lag its contents (a load just switched live), so
// plans are made against the graph as it is: a plan made before the background sampler
// caught up is planned again on its first use once the samples move.
CALL db.resampleOutdatedIndexes()
