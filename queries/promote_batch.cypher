// One batch of the switch's second phase, once no live node is left: up to $batch staged
// nodes of one label become live.  As retire_batch, each statement returns how many moved.
MATCH (n:StagedCredential) WITH n LIMIT $batch SET n:Credential REMOVE n:StagedCredential RETURN count(n) AS moved;
MATCH (n:StagedFramework) WITH n LIMIT $batch SET n:Framework REMOVE n:StagedFramework RETURN count(n) AS moved;
MATCH (n:StagedLevel) WITH n LIMIT $batch SET n:Level REMOVE n:StagedLevel RETURN count(n) AS moved;
MATCH (n:StagedProvider) WITH n LIMIT $batch SET n:Provider REMOVE n:StagedProvider RETURN count(n) AS moved;
MATCH (n:StagedSkill) WITH n LIMIT $batch SET n:Skill REMOVE n:StagedSkill RETURN count(n) AS moved;
MATCH (n:StagedToken) WITH n LIMIT $batch SET n:Token REMOVE n:StagedToken RETURN count(n) AS moved;
MATCH (n:StagedOutcomeKey) WITH n LIMIT $batch SET n:OutcomeKey REMOVE n:StagedOutcomeKey RETURN count(n) AS moved;
MATCH (n:StagedListingCount) WITH n LIMIT $batch SET n:ListingCount REMOVE n:StagedListingCount RETURN count(n) AS moved
