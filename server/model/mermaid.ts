/**
 * The data model as a mermaid diagram, generated from the schema so the README's picture cannot
 * drift from the code (a test compares them). REPORTED_IN joins every kind to Source and would
 * hide the rest, so it is stated below the diagram instead of drawn.
 */
import { REL_KINDS } from './schema.ts';

export function modelDiagram(): string {
  const lines = ['flowchart LR'];
  for (const rel of REL_KINDS) {
    if (rel.kind === 'REPORTED_IN') continue;
    for (const [from, to] of rel.endpoints) lines.push(`  ${from} -- ${rel.kind} --> ${to}`);
  }
  return lines.join('\n');
}
