// name: shortest-connection
// title: Shortest connection between two entities
// description: Every shortest chain of links between any two entities — a facilitator and an
//   operation, a country and a notice — up to a number of hops, ignoring direction. Co-citation is
//   not a link in the world, so paths never pass through REPORTED_IN (a Source is therefore
//   reachable from nowhere). This text is Neo4j's; LadybugDB runs shortest-connection.ladybug.cypher.
// param: from | id | required | one end, e.g. facilitator:syn-0001
// param: to | id | required | the other end, e.g. operation:na-2024-01
// param: maxHops | integer | default 4 | longest chain to look for, 1 to 8 (more counts as 8)
// returns: One row per shortest path (all have the same length), ordered by the names along it.
//   hops is its length; via names its nodes, joined by arrows; kinds lists its relationship kinds in
//   order; weakestGrade is the weakest Admiralty grade on it (letter first: C1 is weaker than B6);
//   synthetic is true when any node or link on it was generated. Graph column: p (the path).
//   No row when the two are the same entity or further apart than maxHops.

MATCH (a {id: $from}), (b {id: $to})
WHERE a.id <> b.id AND a.tlp IN $visible AND b.tlp IN $visible
MATCH p = allShortestPaths((a)-[:TRAFFICKED_TO|LOCATED_IN|IN_REGION|ORIGINATES_IN|TRANSITS|DESTINED_FOR|OPERATES|RECRUITS_FOR|NATIONAL_OF|RUNS_SCAM|USES_METHOD|CARRIES|CONVERGES_IN|RAIDED|ARRESTED|CONDUCTED_IN|COORDINATED|ISSUED|WARNS_ABOUT*..8]-(b))
// part of the search: the shortest among the paths through what the reader may see
WHERE all(x IN nodes(p) WHERE x.tlp IN $visible) AND all(x IN relationships(p) WHERE x.tlp IN $visible)
// a filter of its own: as a predicate of the shortest-path search, Neo4j may fall back to an exhaustive search
WITH p WHERE length(p) <= $maxHops
RETURN length(p) AS hops, reduce(via = '', n IN nodes(p) | via + CASE WHEN via = '' THEN '' ELSE ' → ' END + n.name) AS via,
  [r IN relationships(p) | type(r)] AS kinds,
  reduce(weakest = 'A1', r IN relationships(p) | CASE WHEN r.grade > weakest THEN r.grade ELSE weakest END) AS weakestGrade,
  any(r IN relationships(p) WHERE r.synthetic) OR any(n IN nodes(p) WHERE n.synthetic) AS synthetic, p
ORDER BY via, reduce(pathKey = '', n IN nodes(p) | pathKey + ' ' + n.id)
