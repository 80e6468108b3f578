// The one switch of a load, in one transaction: the live graph is relabelled Retired*,
// the staged one becomes live.  Only labels change (relationships stay), so readers see
// the old graph or the new one, never a mix, and the transaction holds no relationships.
CALL () { MATCH (n:Credential) SET n:RetiredCredential REMOVE n:Credential }
CALL () { MATCH (n:Framework) SET n:RetiredFramework REMOVE n:Framework }
CALL () { MATCH (n:Level) SET n:RetiredLevel REMOVE n:Level }
CALL () { MATCH (n:Provider) SET n:RetiredProvider REMOVE n:Provider }
CALL () { MATCH (n:Skill) SET n:RetiredSkill REMOVE n:Skill }
CALL () { MATCH (n:Token) SET n:RetiredToken REMOVE n:Token }
CALL () { MATCH (n:OutcomeKey) SET n:RetiredOutcomeKey REMOVE n:OutcomeKey }
CALL () { MATCH (n:StagedCredential) SET n:Credential REMOVE n:StagedCredential }
CALL () { MATCH (n:StagedFramework) SET n:Framework REMOVE n:StagedFramework }
CALL () { MATCH (n:StagedLevel) SET n:Level REMOVE n:StagedLevel }
CALL () { MATCH (n:StagedProvider) SET n:Provider REMOVE n:StagedProvider }
CALL () { MATCH (n:StagedSkill) SET n:Skill REMOVE n:StagedSkill }
CALL () { MATCH (n:StagedToken) SET n:Token REMOVE n:StagedToken }
CALL () { MATCH (n:StagedOutcomeKey) SET n:OutcomeKey REMOVE n:StagedOutcomeKey }
RETURN 1 AS switched
