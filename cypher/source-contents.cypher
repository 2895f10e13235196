// name: source-contents
// title: Everything a source document reports
// description: What one source document puts in the graph: every entity reported in it (linked to
//   it by REPORTED_IN) and every link that cites it in its sources, with their Admiralty grades —
//   the check to make before relying on a document, or when it is withdrawn. This text is Neo4j's;
//   LadybugDB runs source-contents.ladybug.cypher (label() for labels()/type()).
// param: source | id | required | the source document, e.g. source:000_d5d37bd4ebfb1db8
// returns: One row per reported item: entities first, then links, each by kind and id. item is
//   "entity" or "link"; kind is the node label or relationship type; name is the entity's name, or
//   "from → to" for a link; grade and synthetic are the item's own. Graph column: p, the entity
//   with its REPORTED_IN link to the source, or the link with its two ends.

MATCH (cited:Source {id: $source})
WHERE cited.tlp IN $visible
MATCH p = (a)-[r]->(b)
WHERE ((type(r) = 'REPORTED_IN' AND b.id = $source) OR (type(r) <> 'REPORTED_IN' AND $source IN r.sourceIds))
  AND a.tlp IN $visible AND r.tlp IN $visible AND b.tlp IN $visible
WITH p AS p, a, r, b, type(r) = 'REPORTED_IN' AS entity
RETURN CASE WHEN entity THEN 'entity' ELSE 'link' END AS item,
  CASE WHEN entity THEN labels(a)[0] ELSE type(r) END AS kind,
  CASE WHEN entity THEN a.id ELSE r.id END AS itemId,
  CASE WHEN entity THEN a.name ELSE a.name + ' → ' + b.name END AS name,
  CASE WHEN entity THEN a.grade ELSE r.grade END AS grade,
  CASE WHEN entity THEN a.synthetic ELSE r.synthetic END AS synthetic, p
ORDER BY item, kind, itemId
