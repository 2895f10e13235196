// name: new-links
// title: Links first seen in a period
// description: Links first observed or reported between two dates, both included: what changed in
//   the picture over a week, a month or a quarter. REPORTED_IN citations are left out. This text
//   is Neo4j's; LadybugDB runs new-links.ladybug.cypher (label(r) for type(r)).
// param: from | date | required | first day of the period, YYYY-MM-DD
// param: to | date | required | last day of the period, YYYY-MM-DD
// returns: One row per link whose firstSeen falls in the period, oldest first, then by kind and id.
//   Graph column: r (the link, which brings its two ends).

MATCH (a)-[r]->(b)
WHERE type(r) <> 'REPORTED_IN' AND r.firstSeen >= date($from) AND r.firstSeen <= date($to)
  AND a.tlp IN $visible AND r.tlp IN $visible AND b.tlp IN $visible
RETURN type(r) AS kind, r.id AS linkId, a.id AS fromId, a.name AS fromName, b.id AS toId, b.name AS toName,
  r.firstSeen AS firstSeen, r.grade AS grade, r.synthetic AS synthetic, r
ORDER BY firstSeen, kind, linkId
