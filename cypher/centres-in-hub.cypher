// name: centres-in-hub
// title: Centres in a hub region and where their victims came from
// description: The scam centres located in a hub region (South-East Asia, Middle East, West Africa,
//   Central America), each with the countries its trafficked victims came from and the victims
//   counted. The region is matched by name, ignoring case, or by one of its aliases.
// param: hub | string | required | the hub region's name or alias, e.g. South-East Asia
// returns: One row per centre in the region, most victims first, then by name. victims sums
//   TRAFFICKED_TO.victims (a flow whose number is unknown adds 0); origins lists the origin
//   countries' names, most victims first (then by name); originCount counts them. Graph columns:
//   region, centre, the links inRegion (IN_REGION) and located (LOCATED_IN), and flows
//   (TRAFFICKED_TO, which bring the origin countries).

MATCH (region:Region)<-[inRegion:IN_REGION]-(country:Country)<-[located:LOCATED_IN]-(centre:Centre)
WHERE (toLower(region.name) = toLower($hub) OR $hub IN region.aliases)
  AND region.tlp IN $visible AND inRegion.tlp IN $visible AND country.tlp IN $visible AND located.tlp IN $visible AND centre.tlp IN $visible
OPTIONAL MATCH (source:Country)-[flow:TRAFFICKED_TO]->(centre)
WHERE flow.tlp IN $visible AND source.tlp IN $visible
WITH region, inRegion, country, located, centre, coalesce(collect(flow), []) AS flows
OPTIONAL MATCH (origin:Country)-[flow:TRAFFICKED_TO]->(centre)
WHERE flow.tlp IN $visible AND origin.tlp IN $visible
// SKIP 0: LadybugDB takes ORDER BY in WITH only before SKIP or LIMIT; collect() keeps the order.
// no coalesce here: LadybugDB calls a sum() over a coalesce(sum()) from an earlier step a nested aggregation.
WITH region, inRegion, country, located, centre, flows, origin, sum(flow.victims) AS fromOrigin
ORDER BY coalesce(fromOrigin, 0) DESC, origin.name SKIP 0
RETURN centre.id AS centreId, centre.name AS centreName, centre.status AS status, country.name AS countryName,
  coalesce(sum(fromOrigin), 0) AS victims, count(origin) AS originCount, coalesce(collect(origin.name), []) AS origins,
  region, inRegion, centre, located, flows
ORDER BY victims DESC, centreName, centreId
