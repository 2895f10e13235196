// name: top-facilitators
// title: Most connected facilitators
// description: The facilitators with the most links (degree): who recruits for, moves people along,
//   or is tied to the most of the network, with how many distinct centres they recruit for and
//   routes they operate. REPORTED_IN citations do not count towards the degree.
// param: limit | integer | default 10 | how many facilitators to list
// returns: One row per facilitator, highest degree first, then by name and id, at most limit rows.
//   degree counts its OPERATES, RECRUITS_FOR, NATIONAL_OF, USES_METHOD and ARRESTED links;
//   centreCount and routeCount count distinct centres recruited for and routes operated. Graph
//   columns: f (the facilitator), recruitLinks (RECRUITS_FOR) and routeLinks (OPERATES).

MATCH (f:Facilitator)
WHERE f.tlp IN $visible
OPTIONAL MATCH (f)-[link:OPERATES|RECRUITS_FOR|NATIONAL_OF|USES_METHOD|ARRESTED]-(other)
WHERE link.tlp IN $visible AND other.tlp IN $visible
WITH f, count(link) AS degree
// DISTINCT and plain aggregates go in separate steps: LadybugDB 0.19 miscounts, or crashes, when one step mixes them.
OPTIONAL MATCH (f)-[recruits:RECRUITS_FOR]->(centre:Centre)
WHERE recruits.tlp IN $visible AND centre.tlp IN $visible
WITH f, degree, count(DISTINCT centre) AS centreCount, coalesce(collect(DISTINCT recruits), []) AS recruitLinks
OPTIONAL MATCH (f)-[operates:OPERATES]->(route:Route)
WHERE operates.tlp IN $visible AND route.tlp IN $visible
WITH f, degree, centreCount, recruitLinks, count(DISTINCT route) AS routeCount,
  coalesce(collect(DISTINCT operates), []) AS routeLinks
RETURN f.id AS facilitatorId, f.name AS facilitatorName, f.role AS role, degree, centreCount, routeCount,
  f, recruitLinks, routeLinks
ORDER BY degree DESC, facilitatorName, facilitatorId
LIMIT $limit
