// source-contents for LadybugDB: label(a) / label(r) where Neo4j has labels(a)[0] / type(r).

MATCH (cited:Source {id: $source})
WHERE cited.tlp IN $visible
MATCH p = (a)-[r]->(b)
WHERE ((label(r) = 'REPORTED_IN' AND b.id = $source) OR (label(r) <> 'REPORTED_IN' AND $source IN r.sourceIds))
  AND a.tlp IN $visible AND r.tlp IN $visible AND b.tlp IN $visible
WITH p AS p, a, r, b, label(r) = 'REPORTED_IN' AS entity
RETURN CASE WHEN entity THEN 'entity' ELSE 'link' END AS item,
  CASE WHEN entity THEN label(a) ELSE label(r) END AS kind,
  CASE WHEN entity THEN a.id ELSE r.id END AS itemId,
  CASE WHEN entity THEN a.name ELSE a.name + ' → ' + b.name END AS name,
  CASE WHEN entity THEN a.grade ELSE r.grade END AS grade,
  CASE WHEN entity THEN a.synthetic ELSE r.synthetic END AS synthetic, p
ORDER BY item, kind, itemId
