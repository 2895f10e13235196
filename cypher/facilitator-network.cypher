// name: facilitator-network
// title: Facilitator network around a centre
// description: The facilitators within two hops of a centre — those who recruit for it, and those
//   who operate a route ending there — with their nationality, the other centres they recruit for
//   and the operations that arrested them: who to look at next from one compound.
// param: centre | id | required | the centre, e.g. centre:na-2024-01
// returns: One row per facilitator, by name. recruitsForCentre is true when they recruit for the
//   centre directly; routesToCentre counts the routes they operate that end there; otherCentres
//   and arrestedBy list names, sorted. Graph columns: f (the facilitator), ties (the paths to the
//   centre), nationality (NATIONAL_OF), elsewhere (RECRUITS_FOR other centres) and arrests (ARRESTED).

MATCH (centre:Centre {id: $centre})
WHERE centre.tlp IN $visible
MATCH tie = (f:Facilitator)-[:RECRUITS_FOR|OPERATES|DESTINED_FOR*1..2]->(centre)
WHERE all(x IN nodes(tie) WHERE x.tlp IN $visible) AND all(x IN relationships(tie) WHERE x.tlp IN $visible)
WITH centre, f, collect(tie) AS ties, sum(CASE WHEN length(tie) = 1 THEN 1 ELSE 0 END) AS direct,
  sum(CASE WHEN length(tie) = 2 THEN 1 ELSE 0 END) AS routesToCentre
OPTIONAL MATCH (f)-[nationality:NATIONAL_OF]->(country:Country)
WHERE nationality.tlp IN $visible AND country.tlp IN $visible
OPTIONAL MATCH (f)-[recruits:RECRUITS_FOR]->(other:Centre)
WHERE other.id <> centre.id AND recruits.tlp IN $visible AND other.tlp IN $visible
// SKIP 0: LadybugDB takes ORDER BY in WITH only before SKIP or LIMIT; collect() keeps the order.
WITH f, ties, direct, routesToCentre, nationality, country, recruits, other
ORDER BY other.name SKIP 0
WITH f, ties, direct, routesToCentre, nationality, country, coalesce(collect(other.name), []) AS otherCentres,
  coalesce(collect(recruits), []) AS elsewhere
OPTIONAL MATCH (operation:Operation)-[arrest:ARRESTED]->(f)
WHERE operation.tlp IN $visible AND arrest.tlp IN $visible
WITH f, ties, direct, routesToCentre, nationality, country, otherCentres, elsewhere, operation, arrest
ORDER BY operation.name SKIP 0
RETURN f.id AS facilitatorId, f.name AS facilitatorName, f.role AS role, country.name AS nationalityName,
  direct > 0 AS recruitsForCentre, routesToCentre, otherCentres, coalesce(collect(operation.name), []) AS arrestedBy,
  f, ties, nationality, elsewhere, coalesce(collect(arrest), []) AS arrests
ORDER BY facilitatorName, facilitatorId
