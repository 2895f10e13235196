// name: convergence-centres
// title: Centres whose routes also carry drugs, firearms or wildlife
// description: Where trafficking for forced scamming converges with other crime: the centres at the
//   end of routes that also move drugs, firearms or protected wildlife, crime by crime.
// param: categories | list<string> | default ["drugs","firearms","wildlife"] | the crime categories to look for
// returns: One row per centre and converging crime, centres with the most such routes first.
//   routeCount counts the routes ending at the centre that carry the crime; shipments sums
//   CARRIES.shipments (unknown counts add 0). Graph columns: centre, crime, arrivals
//   (DESTINED_FOR, bringing the routes) and cargo (CARRIES).

MATCH (centre:Centre)<-[arrives:DESTINED_FOR]-(route:Route)-[carries:CARRIES]->(crime:Crime)
WHERE crime.category IN $categories AND centre.tlp IN $visible AND arrives.tlp IN $visible AND route.tlp IN $visible AND carries.tlp IN $visible AND crime.tlp IN $visible
OPTIONAL MATCH (centre)-[located:LOCATED_IN]->(country:Country)
WHERE located.tlp IN $visible AND country.tlp IN $visible
RETURN centre.id AS centreId, centre.name AS centreName, country.name AS countryName, crime.name AS crimeName,
  crime.category AS category, count(route) AS routeCount, coalesce(sum(carries.shipments), 0) AS shipments,
  centre, crime, collect(arrives) AS arrivals, collect(carries) AS cargo
ORDER BY routeCount DESC, centreName, centreId, crimeName
