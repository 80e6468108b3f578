// Skills: rows of {id, labels (JSON)}.
UNWIND $rows AS row
MERGE (s:Skill {id: row.id})
SET s = row
