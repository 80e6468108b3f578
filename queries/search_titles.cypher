// What search reads once the replica has capped the title hits (store.neo4j.idorder): the
// titles of the contenders ($nodes: node ids), each as [node id, normalised texts
// ("\n"-joined), id], the id only $with_ids (credentials written since the replica read
// its id order compete, so the cut goes by ids: reading them is a third of the block),
// and the holders of the skills the replica scored ($skills: [node id, whether it needs
// `held`]): packed (see skill_holders), which changes only with loads
// and which the replica keeps once read (null when it has it), with the lists writes keep.
CALL () {
  UNWIND $nodes AS node
  MATCH (c:Credential)
  WHERE id(c) = node
  RETURN collect([node, c.search_text, CASE WHEN $with_ids THEN c.id END]) AS titles
}
CALL () {
  UNWIND $skills AS skill
  MATCH (s:Skill)
  WHERE id(s) = skill[0]
  RETURN collect([
    skill[0],
    CASE
      // a skill skill_holders has not packed yet (a replica still opening)
      WHEN s.held IS NULL THEN [(s)<-[:HAS_SKILL]-(c:Credential) | id(c)]
      WHEN skill[1] THEN s.held
      ELSE null
    END,
    s.held_plus,
    s.held_minus
  ]) AS held
}
RETURN titles, held
