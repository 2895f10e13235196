// name: shared-facilitators
// title: Facilitators recruiting for several centres
// description: Facilitators who recruit for two or more scam centres (or another minimum): the
//   people who tie separate compounds together.
// param: minCentres | integer | default 2 | least number of centres a facilitator recruits for
// returns: One row per facilitator recruiting for at least minCentres centres, most centres first,
//   then by name. centres lists the centres' names, sorted; recruited sums RECRUITS_FOR.recruits
//   (0 when not known). Graph columns: f (the facilitator), links (RECRUITS_FOR, with the centres)
//   and nationality (NATIONAL_OF).

MATCH (f:Facilitator)-[recruits:RECRUITS_FOR]->(centre:Centre)
WHERE f.tlp IN $visible AND recruits.tlp IN $visible AND centre.tlp IN $visible
// SKIP 0: LadybugDB takes ORDER BY in WITH only before SKIP or LIMIT; collect() keeps the order.
WITH f, recruits, centre
ORDER BY centre.name SKIP 0
WITH f, count(centre) AS centreCount, collect(centre.name) AS centres, collect(recruits) AS links,
  coalesce(sum(recruits.recruits), 0) AS recruited
WHERE centreCount >= $minCentres
OPTIONAL MATCH (f)-[nationality:NATIONAL_OF]->(country:Country)
WHERE nationality.tlp IN $visible AND country.tlp IN $visible
RETURN f.id AS facilitatorId, f.name AS facilitatorName, f.role AS role, country.name AS nationalityName,
  centreCount, centres, recruited, f, links, nationality
ORDER BY centreCount DESC, facilitatorName, facilitatorId
