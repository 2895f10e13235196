// shortest-connection for LadybugDB: `* ALL SHORTEST 1..8` for allShortestPaths() (its `(e, m | WHERE …)`
// filter keeps the search to what the reader may see), and the list
// functions list_transform / list_reduce / list_to_string for Neo4j's comprehensions and reduce().

MATCH (a {id: $from}), (b {id: $to})
WHERE a.id <> b.id AND a.tlp IN $visible AND b.tlp IN $visible
MATCH p = (a)-[:TRAFFICKED_TO|LOCATED_IN|IN_REGION|ORIGINATES_IN|TRANSITS|DESTINED_FOR|OPERATES|RECRUITS_FOR|NATIONAL_OF|RUNS_SCAM|USES_METHOD|CARRIES|CONVERGES_IN|RAIDED|ARRESTED|CONDUCTED_IN|COORDINATED|ISSUED|WARNS_ABOUT* ALL SHORTEST 1..8 (e, m | WHERE e.tlp IN $visible AND m.tlp IN $visible)]-(b)
WHERE length(p) <= $maxHops
RETURN length(p) AS hops, list_to_string(' → ', list_transform(nodes(p), n -> n.name)) AS via,
  list_transform(rels(p), r -> label(r)) AS kinds,
  list_reduce(list_transform(rels(p), r -> r.grade), (weakest, grade) -> CASE WHEN grade > weakest THEN grade ELSE weakest END) AS weakestGrade,
  any(r IN rels(p) WHERE r.synthetic) OR any(n IN nodes(p) WHERE n.synthetic) AS synthetic, p
ORDER BY via, list_to_string(' ', list_transform(nodes(p), n -> n.id))
