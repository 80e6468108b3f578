// Drop what a failed load left staged: credentials first (they hold most relationships),
// then the rest, in small transactions so no heap limit is reached.
MATCH (n:StagedCredential) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS;
MATCH (n:StagedFramework) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS;
MATCH (n:StagedLevel) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS;
MATCH (n:StagedProvider) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS;
MATCH (n:StagedSkill) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS;
MATCH (n:StagedToken) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS;
MATCH (n:StagedOutcomeKey) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS;
