// name: weak-links
// title: Weakly graded links, for corroboration
// description: Links graded weaker than an Admiralty grade: the ones to corroborate before a
//   briefing. Grades compare letter first (source reliability A–F), then digit (credibility 1–6), so
//   C1 is weaker than B6 — which is also how the two-character strings sort. REPORTED_IN citations
//   are left out: they carry the grade of the fact they cite. This text is Neo4j's; LadybugDB runs
//   weak-links.ladybug.cypher (label(r) for type(r)).
// param: minGrade | string | default "C3" | show links weaker than this grade (A1 strongest … F6 weakest; case ignored)
// returns: One row per link graded weaker than minGrade, weakest first, then by kind and id.
//   synthetic is true for generated links; sourceCount counts the documents cited. Graph column: r
//   (the link, which brings its two ends).

MATCH (a)-[r]->(b)
WHERE type(r) <> 'REPORTED_IN' AND r.grade > toUpper($minGrade) AND a.tlp IN $visible AND r.tlp IN $visible AND b.tlp IN $visible
// sourceCount leaves out the cited Sources the reader may not see, so it does not tell that they exist
OPTIONAL MATCH (withheld:Source)
WHERE withheld.id IN r.sourceIds AND (withheld.tlp IS NULL OR NOT (withheld.tlp IN $visible))
WITH a, r, b, count(withheld) AS hiddenSources
RETURN type(r) AS kind, r.id AS linkId, a.id AS fromId, a.name AS fromName, b.id AS toId, b.name AS toName,
  r.grade AS grade, r.synthetic AS synthetic, size(r.sourceIds) - hiddenSources AS sourceCount, r
ORDER BY grade DESC, kind, linkId
