// name: victim-flows
// title: Victim flows from origin regions to hub regions
// description: How many trafficked victims went from each continent-level origin region (the origin
//   country's region) to each hub region (the hub region of the country the centre is in), for a
//   Sankey diagram. Centres outside the four hub regions count under "(no hub region)".
// returns: One row per origin region and hub region with at least one victim flow, most victims
//   first, then by the two names. victims sums TRAFFICKED_TO.victims (unknown counts add 0); flows
//   counts the TRAFFICKED_TO links. Graph column: links (the TRAFFICKED_TO links of the flow,
//   bringing origin countries and centres). Centres with no recorded location are not counted.

MATCH (origin:Country)-[flow:TRAFFICKED_TO]->(centre:Centre)-[located:LOCATED_IN]->(host:Country)
WHERE origin.tlp IN $visible AND flow.tlp IN $visible AND centre.tlp IN $visible AND located.tlp IN $visible AND host.tlp IN $visible
RETURN origin.region AS originRegion, coalesce(host.hubRegion, '(no hub region)') AS hubRegion,
  coalesce(sum(flow.victims), 0) AS victims, count(flow) AS flows, collect(flow) AS links
ORDER BY victims DESC, originRegion, hubRegion
