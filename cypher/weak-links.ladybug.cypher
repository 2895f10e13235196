// weak-links for LadybugDB: label(r) where Neo4j has type(r).

MATCH (a)-[r]->(b)
WHERE label(r) <> 'REPORTED_IN' AND r.grade > toUpper($minGrade)
RETURN label(r) AS kind, r.id AS linkId, a.id AS fromId, a.name AS fromName, b.id AS toId, b.name AS toName,
  r.grade AS grade, r.synthetic AS synthetic, size(r.sourceIds) AS sourceCount, r
ORDER BY grade DESC, kind, linkId
