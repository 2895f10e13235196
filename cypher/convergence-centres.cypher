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
WHERE crime.category IN $categories
OPTIONAL MATCH (centre)-[:LOCATED_IN]->(country:Country)
RETURN centre.id AS centreId, centre.name AS centreName, country.name AS countryName, crime.name AS crimeName,
  crime.category AS category, count(route) AS routeCount, coalesce(sum(carries.shipments), 0) AS shipments,
  centre, crime, collect(arrives) AS arrivals, collect(carries) AS cargo
ORDER BY routeCount DESC, centreName, centreId, crimeName
