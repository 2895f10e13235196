// name: centre-profile
// title: Profile of a scam centre
// description: One centre on one line for a briefing: where it is, its status and workforce, the
//   scams it runs and the methods it uses, the victims trafficked to it and from how many
//   countries, how many facilitators recruit for it and routes end there, and who raided it.
// param: centre | id | required | the centre, e.g. centre:na-2024-01
// returns: One row for the centre (none when the id is unknown). hubRegion is null outside the
//   hub regions; scamTypes, methods and raidedBy list names, sorted; victims sums
//   TRAFFICKED_TO.victims (0 when none are counted) over originCount origin countries;
//   facilitatorCount and routeCount count distinct recruiters and routes ending there. Graph
//   columns: centre, located (LOCATED_IN), scamLinks (RUNS_SCAM), methodLinks (USES_METHOD),
//   flows (TRAFFICKED_TO) and raids (RAIDED), each bringing the node at its other end.

MATCH (centre:Centre {id: $centre})
WHERE centre.tlp IN $visible
OPTIONAL MATCH (centre)-[located:LOCATED_IN]->(country:Country)
WHERE located.tlp IN $visible AND country.tlp IN $visible
WITH centre, located, country
OPTIONAL MATCH (centre)-[runs:RUNS_SCAM]->(scam:ScamType)
WHERE runs.tlp IN $visible AND scam.tlp IN $visible
// SKIP 0: LadybugDB takes ORDER BY in WITH only before SKIP or LIMIT; collect() keeps the order.
WITH centre, located, country, runs, scam
ORDER BY scam.name SKIP 0
WITH centre, located, country, coalesce(collect(scam.name), []) AS scamTypes, coalesce(collect(runs), []) AS scamLinks
OPTIONAL MATCH (centre)-[uses:USES_METHOD]->(method:Method)
WHERE uses.tlp IN $visible AND method.tlp IN $visible
WITH centre, located, country, scamTypes, scamLinks, uses, method
ORDER BY method.name SKIP 0
WITH centre, located, country, scamTypes, scamLinks, coalesce(collect(method.name), []) AS methods,
  coalesce(collect(uses), []) AS methodLinks
OPTIONAL MATCH (origin:Country)-[flow:TRAFFICKED_TO]->(centre)
WHERE flow.tlp IN $visible AND origin.tlp IN $visible
WITH centre, located, country, scamTypes, scamLinks, methods, methodLinks, sum(flow.victims) AS victims,
  coalesce(collect(flow), []) AS flows
// DISTINCT and plain aggregates go in separate steps: LadybugDB 0.19 miscounts, or crashes, when one step mixes them.
OPTIONAL MATCH (origin:Country)-[inflow:TRAFFICKED_TO]->(centre)
WHERE inflow.tlp IN $visible AND origin.tlp IN $visible
WITH centre, located, country, scamTypes, scamLinks, methods, methodLinks, victims, flows,
  count(DISTINCT origin) AS originCount
OPTIONAL MATCH (f:Facilitator)-[recruits:RECRUITS_FOR]->(centre)
WHERE recruits.tlp IN $visible AND f.tlp IN $visible
WITH centre, located, country, scamTypes, scamLinks, methods, methodLinks, victims, flows, originCount,
  count(DISTINCT f) AS facilitatorCount
OPTIONAL MATCH (route:Route)-[arrives:DESTINED_FOR]->(centre)
WHERE arrives.tlp IN $visible AND route.tlp IN $visible
WITH centre, located, country, scamTypes, scamLinks, methods, methodLinks, victims, flows, originCount,
  facilitatorCount, count(DISTINCT route) AS routeCount
OPTIONAL MATCH (operation:Operation)-[raid:RAIDED]->(centre)
WHERE raid.tlp IN $visible AND operation.tlp IN $visible
WITH centre, located, country, scamTypes, scamLinks, methods, methodLinks, victims, flows, originCount,
  facilitatorCount, routeCount, raid, operation
ORDER BY operation.name SKIP 0
RETURN centre.id AS centreId, centre.name AS centreName, centre.status AS status, centre.workforce AS workforce,
  country.name AS countryName, country.hubRegion AS hubRegion, scamTypes, methods, coalesce(victims, 0) AS victims,
  originCount, facilitatorCount, routeCount, coalesce(collect(operation.name), []) AS raidedBy,
  centre, located, scamLinks, methodLinks, flows, coalesce(collect(raid), []) AS raids
