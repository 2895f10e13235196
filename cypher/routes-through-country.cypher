// name: routes-through-country
// title: Routes through a transit country
// description: The trafficking routes that cross a country on the way to the centres: where each
//   starts and ends, and at which hop it crosses — where border and airport checks would bite.
// param: country | id | required | the transit country, e.g. country:TH
// returns: One row per route crossing the country, by route id. hop is the country's place among
//   the route's transit countries (1 = first); originName, destinationName and centreName are null
//   when not recorded. Graph columns: route, crosses (TRANSITS), departs (ORIGINATES_IN), toCountry
//   and toCentre (DESTINED_FOR), each bringing the node at its other end.

MATCH (transit:Country {id: $country})<-[crosses:TRANSITS]-(route:Route)
WHERE transit.tlp IN $visible AND crosses.tlp IN $visible AND route.tlp IN $visible
OPTIONAL MATCH (route)-[departs:ORIGINATES_IN]->(origin:Country)
WHERE departs.tlp IN $visible AND origin.tlp IN $visible
OPTIONAL MATCH (route)-[toCountry:DESTINED_FOR]->(destination:Country)
WHERE toCountry.tlp IN $visible AND destination.tlp IN $visible
OPTIONAL MATCH (route)-[toCentre:DESTINED_FOR]->(centre:Centre)
WHERE toCentre.tlp IN $visible AND centre.tlp IN $visible
RETURN route.id AS routeId, route.name AS routeName, route.mode AS mode, crosses.hop AS hop, origin.name AS originName,
  destination.name AS destinationName, centre.name AS centreName, route, crosses, departs, toCountry, toCentre
ORDER BY routeId
