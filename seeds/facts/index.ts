/**
 * The facts dataset: what the five public documents state, each record citing the documents that
 * state it, plus a REPORTED_IN link from every fact to each of those documents.
 */
import type { GraphBatch } from '../../server/model/schema.ts';
import { makeRel } from '../records.ts';
import { enforcementFacts } from './enforcement.ts';
import { geographyFacts } from './geography.ts';
import { sourceNodes } from './sources.ts';
import { taxonomyFacts } from './taxonomy.ts';

export { SOURCES, sourceId, gradeOf, type SourceKey } from './sources.ts';
export * from './enforcement.ts';
export { scamTypeId, methodId, crimeId } from './taxonomy.ts';

export function buildFacts(): GraphBatch {
  const parts = [geographyFacts(), taxonomyFacts(), enforcementFacts()];
  const nodes = parts.flatMap((p) => p.nodes);
  const relationships = parts.flatMap((p) => p.relationships);
  // A REPORTED_IN carries the provenance of the fact it anchors, so filtering by grade or date
  // keeps a fact and its citations together.
  const reportedIn = nodes.flatMap((node) => {
    const { sourceIds, grade, tlp, firstSeen, lastSeen } = node;
    const provenance = { sourceIds, grade, tlp, firstSeen, lastSeen, synthetic: false };
    return sourceIds.map((sourceId) => makeRel('REPORTED_IN', node.id, sourceId, provenance, {}));
  });
  return { nodes: [...sourceNodes(), ...nodes], relationships: [...relationships, ...reportedIn] };
}
