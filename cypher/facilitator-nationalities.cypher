// name: facilitator-nationalities
// title: Facilitators by nationality
// description: How many facilitators hold each nationality, and who they are: the home countries of
//   the networks, to set beside where victims come from and where the centres are.
// returns: One row per country with at least one facilitator national, most facilitators first,
//   then by name. facilitators lists their names, sorted. Graph columns: country and links
//   (NATIONAL_OF, bringing the facilitators).

MATCH (f:Facilitator)-[nationality:NATIONAL_OF]->(country:Country)
WHERE f.tlp IN $visible AND nationality.tlp IN $visible AND country.tlp IN $visible
// SKIP 0: LadybugDB takes ORDER BY in WITH only before SKIP or LIMIT; collect() keeps the order.
WITH country, f, nationality
ORDER BY f.name SKIP 0
RETURN country.id AS countryId, country.name AS countryName, country.region AS region,
  count(f) AS facilitatorCount, collect(f.name) AS facilitators, country, collect(nationality) AS links
ORDER BY facilitatorCount DESC, countryName, countryId
