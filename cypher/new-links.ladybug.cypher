// new-links for LadybugDB: label(r) where Neo4j has type(r).

MATCH (a)-[r]->(b)
WHERE label(r) <> 'REPORTED_IN' AND r.firstSeen >= date($from) AND r.firstSeen <= date($to)
  AND a.tlp IN $visible AND r.tlp IN $visible AND b.tlp IN $visible
RETURN label(r) AS kind, r.id AS linkId, a.id AS fromId, a.name AS fromName, b.id AS toId, b.name AS toName,
  r.firstSeen AS firstSeen, r.grade AS grade, r.synthetic AS synthetic, r
ORDER BY firstSeen, kind, linkId
