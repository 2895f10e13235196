// notice-links for LadybugDB: label(n) where Neo4j has labels(n)[0].

MATCH (notice:Notice {id: $notice})
WHERE notice.tlp IN $visible
MATCH p = (notice)-[:TRAFFICKED_TO|LOCATED_IN|IN_REGION|ORIGINATES_IN|TRANSITS|DESTINED_FOR|OPERATES|RECRUITS_FOR|NATIONAL_OF|RUNS_SCAM|USES_METHOD|CARRIES|CONVERGES_IN|RAIDED|ARRESTED|CONDUCTED_IN|COORDINATED|ISSUED|WARNS_ABOUT*1..2]-(n)
WHERE n.id <> notice.id
  AND all(x IN nodes(p) WHERE x.tlp IN $visible) AND all(x IN rels(p) WHERE x.tlp IN $visible)
WITH n, min(length(p)) AS hops, collect(p) AS paths
RETURN label(n) AS kind, n.id AS entityId, n.name AS entityName, hops, n, paths
ORDER BY hops, kind, entityName, entityId
