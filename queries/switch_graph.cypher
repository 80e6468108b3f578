// The one switch of a load, all in one transaction: the live graph is relabelled Retired*,
// the staged one becomes live.  Only labels change (relationships stay), so readers see
// the old graph or the new one, never a mix, and the transaction holds no relationships.
MATCH (n:Credential) SET n:RetiredCredential REMOVE n:Credential;
MATCH (n:Framework) SET n:RetiredFramework REMOVE n:Framework;
MATCH (n:Level) SET n:RetiredLevel REMOVE n:Level;
MATCH (n:Provider) SET n:RetiredProvider REMOVE n:Provider;
MATCH (n:Skill) SET n:RetiredSkill REMOVE n:Skill;
MATCH (n:Token) SET n:RetiredToken REMOVE n:Token;
MATCH (n:OutcomeKey) SET n:RetiredOutcomeKey REMOVE n:OutcomeKey;
MATCH (n:StagedCredential) SET n:Credential REMOVE n:StagedCredential;
MATCH (n:StagedFramework) SET n:Framework REMOVE n:StagedFramework;
MATCH (n:StagedLevel) SET n:Level REMOVE n:StagedLevel;
MATCH (n:StagedProvider) SET n:Provider REMOVE n:StagedProvider;
MATCH (n:StagedSkill) SET n:Skill REMOVE n:StagedSkill;
MATCH (n:StagedToken) SET n:Token REMOVE n:StagedToken;
MATCH (n:StagedOutcomeKey) SET n:OutcomeKey REMOVE n:StagedOutcomeKey;
