// One batch of the switch's first phase: up to $batch live nodes of one label become
// Retired*.  Each statement returns how many it moved; a load repeats one until it
// moves fewer than $batch.  Labels only: relationships stay where they are.
MATCH (n:Credential) WITH n LIMIT $batch SET n:RetiredCredential REMOVE n:Credential RETURN count(n) AS moved;
MATCH (n:Framework) WITH n LIMIT $batch SET n:RetiredFramework REMOVE n:Framework RETURN count(n) AS moved;
MATCH (n:Level) WITH n LIMIT $batch SET n:RetiredLevel REMOVE n:Level RETURN count(n) AS moved;
MATCH (n:Provider) WITH n LIMIT $batch SET n:RetiredProvider REMOVE n:Provider RETURN count(n) AS moved;
MATCH (n:Skill) WITH n LIMIT $batch SET n:RetiredSkill REMOVE n:Skill RETURN count(n) AS moved;
MATCH (n:Token) WITH n LIMIT $batch SET n:RetiredToken REMOVE n:Token RETURN count(n) AS moved;
MATCH (n:OutcomeKey) WITH n LIMIT $batch SET n:RetiredOutcomeKey REMOVE n:OutcomeKey RETURN count(n) AS moved;
MATCH (n:ListingCount) WITH n LIMIT $batch SET n:RetiredListingCount REMOVE n:ListingCount RETURN count(n) AS moved
