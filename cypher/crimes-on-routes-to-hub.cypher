// name: crimes-on-routes-to-hub
// title: Converging crimes on the routes into a hub region
// description: Which drugs, firearms and wildlife trades ride the trafficking routes that end at
//   centres in one hub region, on how many routes, to how many centres, with how many shipments.
//   The region is matched by name, ignoring case, or by one of its aliases.
// param: hub | string | required | the hub region's name or alias, e.g. South-East Asia
// returns: One row per converging crime carried on at least one route into the region, most routes
//   first, then by name. routeCount counts the routes, centreCount the distinct centres they end at;
//   shipments sums CARRIES.shipments (unknown counts add 0). Graph columns: crime, cargo (CARRIES,
//   bringing the routes) and arrivals (DESTINED_FOR, bringing the centres).

MATCH (region:Region)<-[inRegion:IN_REGION]-(country:Country)<-[located:LOCATED_IN]-(centre:Centre)<-[arrives:DESTINED_FOR]-(route:Route)-[carries:CARRIES]->(crime:Crime)
WHERE (toLower(region.name) = toLower($hub) OR $hub IN region.aliases)
  AND region.tlp IN $visible AND inRegion.tlp IN $visible AND country.tlp IN $visible AND located.tlp IN $visible AND centre.tlp IN $visible AND arrives.tlp IN $visible AND route.tlp IN $visible AND carries.tlp IN $visible AND crime.tlp IN $visible
// Centres are counted a step after routes, not with count(DISTINCT): LadybugDB 0.19 miscounts, or crashes, when one step mixes them.
WITH region, crime, centre, count(carries) AS routes, sum(carries.shipments) AS shipments
WITH region, crime, count(centre) AS centreCount, sum(routes) AS routeCount, sum(shipments) AS shipments
MATCH (region)<-[inRegion:IN_REGION]-(country:Country)<-[located:LOCATED_IN]-(centre:Centre)<-[arrives:DESTINED_FOR]-(route:Route)-[carries:CARRIES]->(crime)
WHERE inRegion.tlp IN $visible AND country.tlp IN $visible AND located.tlp IN $visible AND centre.tlp IN $visible AND arrives.tlp IN $visible AND route.tlp IN $visible AND carries.tlp IN $visible
RETURN crime.id AS crimeId, crime.name AS crimeName, crime.category AS category, routeCount, centreCount,
  coalesce(shipments, 0) AS shipments, crime, collect(carries) AS cargo, collect(arrives) AS arrivals
ORDER BY routeCount DESC, crimeName, crimeId
