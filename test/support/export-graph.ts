/**
 * The small hand-made graph (small-graph.ts) with mixed handling markings and one hostile entry,
 * for the export tests. Written for these tests; not drawn from any source.
 *
 *   centre:beta is RED, so for an AMBER recipient it is withheld with its links e4 and e7;
 *   e2 (PH -> alpha) is RED itself; country:NA and region:sea are GREEN; source:doc-b is CLEAR.
 *   The hostile facilitator has a path-traversal id, a formula, markup, quotes and control
 *   characters in its name, and recruits for alpha (e-hostile).
 */
import type { GraphBatch } from '../../server/model/schema.ts';
import { parseBatch } from '../../server/model/schema.ts';
import { smallGraph } from './small-graph.ts';

export const HOSTILE_ID = 'facilitator:../../etc/passwd';
export const HOSTILE_NAME = '=HYPERLINK("http://evil.example/x","click") <b>"bold"</b> \u0007bell\u202Eevil';
export const HOSTILE_NAME_CLEAN = '=HYPERLINK("http://evil.example/x","click") <b>"bold"</b> bellevil';

const MARKINGS: Record<string, string> = {
  'centre:beta': 'RED',
  e2: 'RED',
  'country:NA': 'GREEN',
  'region:sea': 'GREEN',
  'source:doc-b': 'CLEAR',
};

export function exportGraph(): GraphBatch {
  const base = smallGraph();
  const mark = <T extends { id: string; tlp: string }>(item: T): T => ({ ...item, tlp: MARKINGS[item.id] ?? item.tlp });
  const nodes = [
    ...base.nodes.map((n) => mark(n as never as { id: string; tlp: string })),
    {
      kind: 'Facilitator',
      id: HOSTILE_ID,
      name: HOSTILE_NAME,
      role: 'recruiter',
      grade: 'E5',
      tlp: 'AMBER',
      sourceIds: [],
      synthetic: true,
      firstSeen: '2024-02-01',
      lastSeen: '2024-02-02',
    },
  ];
  const relationships = [
    ...base.relationships.map((r) => mark(r as never as { id: string; tlp: string })),
    {
      kind: 'RECRUITS_FOR',
      id: 'e-hostile',
      from: HOSTILE_ID,
      to: 'centre:alpha',
      grade: 'E5',
      tlp: 'AMBER',
      sourceIds: [],
      synthetic: true,
    },
  ];
  const parsed = parseBatch({ nodes, relationships } as never);
  if (!parsed.ok) throw new Error(`export graph is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.batch;
}
