// name: operation-impact
// title: What an operation hit
// description: The outcome of one law-enforcement operation: the centres it raided, the facilitators
//   it arrested, where it was conducted, who coordinated it, and the arrests, victims freed and
//   devices seized that the sources report.
// param: operation | id | required | the operation, e.g. operation:na-2024-01
// returns: One row for the operation (none when the id is unknown). centresRaided,
//   facilitatorsArrested, countries and coordinatedBy list names, sorted; arrests, victimsFreed,
//   computersSeized and phonesSeized are the reported figures (null when not reported). Graph
//   columns: operation, raids (RAIDED), arrestLinks (ARRESTED), conductedIn (CONDUCTED_IN) and
//   coordination (COORDINATED), each bringing the node at its other end.

MATCH (operation:Operation {id: $operation})
WHERE operation.tlp IN $visible
OPTIONAL MATCH (operation)-[raid:RAIDED]->(centre:Centre)
WHERE raid.tlp IN $visible AND centre.tlp IN $visible
// SKIP 0: LadybugDB takes ORDER BY in WITH only before SKIP or LIMIT; collect() keeps the order.
WITH operation, raid, centre
ORDER BY centre.name SKIP 0
WITH operation, coalesce(collect(centre.name), []) AS centresRaided, coalesce(collect(raid), []) AS raids
OPTIONAL MATCH (operation)-[arrest:ARRESTED]->(f:Facilitator)
WHERE arrest.tlp IN $visible AND f.tlp IN $visible
WITH operation, centresRaided, raids, arrest, f
ORDER BY f.name SKIP 0
WITH operation, centresRaided, raids, coalesce(collect(f.name), []) AS facilitatorsArrested,
  coalesce(collect(arrest), []) AS arrestLinks
OPTIONAL MATCH (operation)-[conducted:CONDUCTED_IN]->(country:Country)
WHERE conducted.tlp IN $visible AND country.tlp IN $visible
WITH operation, centresRaided, raids, facilitatorsArrested, arrestLinks, conducted, country
ORDER BY country.name SKIP 0
WITH operation, centresRaided, raids, facilitatorsArrested, arrestLinks, coalesce(collect(country.name), []) AS countries,
  coalesce(collect(conducted), []) AS conductedIn
OPTIONAL MATCH (org:Organisation)-[coordinated:COORDINATED]->(operation)
WHERE org.tlp IN $visible AND coordinated.tlp IN $visible
WITH operation, centresRaided, raids, facilitatorsArrested, arrestLinks, countries, conductedIn, coordinated, org
ORDER BY org.name SKIP 0
RETURN operation.id AS operationId, operation.name AS operationName, operation.date AS date, operation.scope AS scope,
  centresRaided, facilitatorsArrested, countries, coalesce(collect(org.name), []) AS coordinatedBy,
  operation.arrests AS arrests, operation.victimsFreed AS victimsFreed, operation.computersSeized AS computersSeized,
  operation.phonesSeized AS phonesSeized, operation, raids, arrestLinks, conductedIn,
  coalesce(collect(coordinated), []) AS coordination
