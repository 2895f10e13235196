// name: routes-from-country
// title: Routes out of a victim country
// description: Trafficking routes that start in a country: the countries each crosses, in the order
//   it crosses them, where it ends (country and centre), and the converging crimes (drugs, firearms,
//   protected wildlife) it also carries.
// param: country | id | required | the origin country, e.g. country:PH
// returns: One row per route leaving the country, in route-id order. transits lists the transit
//   countries' names in hop order ([] when the route goes direct); destinationName and centreName are null
//   when the route's end is not recorded; crimes lists the crimes it carries by name. Graph columns:
//   route, and the links departs (ORIGINATES_IN), hops (TRANSITS), toCountry and toCentre
//   (DESTINED_FOR) and carried (CARRIES), which bring their end nodes with them.

MATCH (origin:Country {id: $country})<-[departs:ORIGINATES_IN]-(route:Route)
WHERE origin.tlp IN $visible AND departs.tlp IN $visible AND route.tlp IN $visible
OPTIONAL MATCH (route)-[hop:TRANSITS]->(transit:Country)
WHERE hop.tlp IN $visible AND transit.tlp IN $visible
// SKIP 0: LadybugDB takes ORDER BY in WITH only before SKIP or LIMIT; collect() keeps the order.
WITH origin, departs, route, hop, transit
ORDER BY hop.hop SKIP 0
WITH origin, departs, route, coalesce(collect(transit.name), []) AS transits, coalesce(collect(hop), []) AS hops
OPTIONAL MATCH (route)-[toCountry:DESTINED_FOR]->(destination:Country)
WHERE toCountry.tlp IN $visible AND destination.tlp IN $visible
OPTIONAL MATCH (route)-[toCentre:DESTINED_FOR]->(centre:Centre)
WHERE toCentre.tlp IN $visible AND centre.tlp IN $visible
OPTIONAL MATCH (route)-[carries:CARRIES]->(crime:Crime)
WHERE carries.tlp IN $visible AND crime.tlp IN $visible
WITH origin, departs, route, transits, hops, toCountry, destination, toCentre, centre, carries, crime
ORDER BY crime.name SKIP 0
RETURN route.id AS routeId, route.name AS routeName, route.mode AS mode, origin.name AS originName, transits,
  destination.name AS destinationName, centre.name AS centreName, coalesce(collect(crime.name), []) AS crimes,
  route.grade AS grade, route, departs, hops, toCountry, toCentre, coalesce(collect(carries), []) AS carried
ORDER BY routeId
