// name: centres-by-scam-type
// title: Centres running a scam type
// description: The scam centres known to run one kind of fraud (romance, investment, crypto, voice
//   phishing, …), where they are and how many trafficked victims they hold.
// param: scamType | id | required | the scam type, e.g. scamtype:romance
// returns: One row per centre running the scam, most victims first, then by name. hubRegion is
//   the hub region of the centre's country (null outside the hubs); victims sums TRAFFICKED_TO.victims
//   into the centre (0 when none are counted); grade is the Admiralty grade of the RUNS_SCAM link.
//   Graph columns: scam, centre, runs (RUNS_SCAM) and located (LOCATED_IN, bringing the country).

MATCH (scam:ScamType {id: $scamType})<-[runs:RUNS_SCAM]-(centre:Centre)
WHERE scam.tlp IN $visible AND runs.tlp IN $visible AND centre.tlp IN $visible
OPTIONAL MATCH (centre)-[located:LOCATED_IN]->(country:Country)
WHERE located.tlp IN $visible AND country.tlp IN $visible
OPTIONAL MATCH (origin:Country)-[flow:TRAFFICKED_TO]->(centre)
WHERE flow.tlp IN $visible AND origin.tlp IN $visible
RETURN centre.id AS centreId, centre.name AS centreName, centre.status AS status, country.name AS countryName,
  country.hubRegion AS hubRegion, coalesce(sum(flow.victims), 0) AS victims, runs.grade AS grade,
  scam, centre, runs, located
ORDER BY victims DESC, centreName, centreId
