// name: origin-and-transit
// title: Countries that are both origin and transit
// description: Countries where trafficking routes start and which other routes also cross: places
//   whose own nationals are moved out while others are moved through.
// returns: One row per country that is the origin of at least one route and a transit country of at
//   least one route, by the number of routes involved (most first), then by name. routesFrom counts
//   the routes starting there, routesThrough those crossing it. Graph columns: country, departures
//   (ORIGINATES_IN) and crossings (TRANSITS), which bring the routes.

MATCH (country:Country)<-[departs:ORIGINATES_IN]-(origin:Route)
WHERE country.tlp IN $visible AND departs.tlp IN $visible AND origin.tlp IN $visible
WITH country, count(departs) AS routesFrom, collect(departs) AS departures
MATCH (country)<-[crosses:TRANSITS]-(transit:Route)
WHERE crosses.tlp IN $visible AND transit.tlp IN $visible
WITH country, routesFrom, departures, count(crosses) AS routesThrough, collect(crosses) AS crossings
RETURN country.id AS countryId, country.name AS countryName, country.region AS region, routesFrom, routesThrough,
  routesFrom + routesThrough AS routes, country, departures, crossings
ORDER BY routes DESC, countryName, countryId
