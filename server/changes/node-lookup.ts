/**
 * GET /api/nodes/:id with the change log's knowledge of ids no longer in the graph: a deleted id
 * is 410 gone, a merged one answers with its survivor (`redirect`), and a live node says the
 * version of its last recorded change.
 */
import { AppError } from '../errors.ts';
import { visibleAt } from '../model/access.ts';
import type { Tlp } from '../model/markings.ts';
import type { NodeDetails } from '../model/wire.ts';
import { nodeDetails } from '../graph/node-details.ts';
import type { GraphStore } from '../store/types.ts';
import type { ChangeLog } from './change-log.ts';
import { currentVersion, goneError } from './history.ts';

export async function nodeOrFate(store: GraphStore, log: ChangeLog, id: string, clearance: Tlp): Promise<NodeDetails> {
  try {
    const details = await nodeDetails(store, id, clearance);
    return { ...details, version: await currentVersion(log, 'node', id) };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
    const fate = await log.fate(id);
    // the id's last version must be one the reader may see, or it is as unknown as any other
    if (!fate || !visibleAt(fate.revision.tlp, clearance)) throw error;
    if (fate.state === 'deleted') throw goneError('node', id, fate.revision, clearance) ?? error;
    if (!fate.mergedInto) throw error;
    const survivor = await nodeDetails(store, fate.mergedInto, clearance);
    return {
      ...survivor,
      version: await currentVersion(log, 'node', fate.mergedInto),
      redirect: {
        from: id,
        mergeId: fate.revision.mergeId ?? '',
        at: fate.revision.at,
        author: fate.revision.author,
      },
    };
  }
}
