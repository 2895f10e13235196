// weak-links for LadybugDB: label(r) where Neo4j has type(r).

MATCH (a)-[r]->(b)
WHERE label(r) <> 'REPORTED_IN' AND r.grade > toUpper($minGrade) AND a.tlp IN $visible AND r.tlp IN $visible AND b.tlp IN $visible
// sourceCount leaves out the cited Sources the reader may not see, so it does not tell that they exist
OPTIONAL MATCH (withheld:Source)
WHERE withheld.id IN r.sourceIds AND (withheld.tlp IS NULL OR NOT (withheld.tlp IN $visible))
WITH a, r, b, count(withheld) AS hiddenSources
RETURN label(r) AS kind, r.id AS linkId, a.id AS fromId, a.name AS fromName, b.id AS toId, b.name AS toName,
  r.grade AS grade, r.synthetic AS synthetic, size(r.sourceIds) - hiddenSources AS sourceCount, r
ORDER BY grade DESC, kind, linkId
