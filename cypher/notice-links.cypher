// name: notice-links
// title: Entities linked to an INTERPOL notice
// description: What lies within two links of a notice — who issued it, what it warns about, and
//   the centres, facilitators, routes and operations one step further — to see which parts of the
//   network a warning bears on. REPORTED_IN is not followed: co-citation is not a link in the
//   world. This text is Neo4j's; LadybugDB runs notice-links.ladybug.cypher (label(n) for labels(n)[0]).
// param: notice | id | required | the notice, e.g. notice:purple-2022-social-media-recruitment
// returns: One row per entity within two links of the notice (the notice itself left out), nearest
//   first, then by kind and name. hops is 1 or 2, the shortest distance. Graph columns: n (the
//   entity) and paths (the paths of up to two links from the notice to it).

MATCH (notice:Notice {id: $notice})
WHERE notice.tlp IN $visible
MATCH p = (notice)-[:TRAFFICKED_TO|LOCATED_IN|IN_REGION|ORIGINATES_IN|TRANSITS|DESTINED_FOR|OPERATES|RECRUITS_FOR|NATIONAL_OF|RUNS_SCAM|USES_METHOD|CARRIES|CONVERGES_IN|RAIDED|ARRESTED|CONDUCTED_IN|COORDINATED|ISSUED|WARNS_ABOUT*1..2]-(n)
WHERE n.id <> notice.id
  AND all(x IN nodes(p) WHERE x.tlp IN $visible) AND all(x IN relationships(p) WHERE x.tlp IN $visible)
WITH n, min(length(p)) AS hops, collect(p) AS paths
RETURN labels(n)[0] AS kind, n.id AS entityId, n.name AS entityName, hops, n, paths
ORDER BY hops, kind, entityName, entityId
