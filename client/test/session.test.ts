/**
 * The page's state without a browser: the graph session (edits, undo, framing), paging an
 * expansion through its notices, loading the map's victim flows, and a workspace saved and
 * reopened — against a fake of the few API calls each uses.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Neighbourhood, QueryResult, Workspace } from '../src/api/client.ts';
import type { SerializedGraph } from '../src/core/graph/types.ts';
import { HUB_REGIONS } from '../src/core/geo/route-layout.ts';
import { NO_FILTERS } from '../src/core/filters/filters.ts';
import { type Api, expandNode, expandWithNotices, loadFlows, PAGE } from '../src/state/actions.ts';
import { GraphSession } from '../src/state/graph-session.ts';
import { INFO_MS, NoticeStore } from '../src/state/notices.ts';
import { openWorkspace, saveWorkspace, type WorkspaceApi } from '../src/state/workspace.ts';

type Node = SerializedGraph['nodes'][number];
type Edge = SerializedGraph['edges'][number];
const node = (key: string, kind: string, label = key): Node =>
  ({ key, attributes: { kind, label, tlp: 'CLEAR', grade: 'B2' } }) as unknown as Node;
const edge = (key: string, source: string, target: string, kind: string): Edge =>
  ({ key, source, target, attributes: { kind, tlp: 'CLEAR', grade: 'B2' } }) as unknown as Edge;

/**
 * A hub with `count` facilitators; the server returns the hub plus `limit - 1` neighbours from
 * `offset` (client/test/hub-expansion.test.ts runs the same paging against the real server).
 */
function hubApi(count: number): Api & { calls: string[] } {
  const neighbours = Array.from({ length: count }, (_, i) => `facilitator:f${i}`);
  const calls: string[] = [];
  const fake = {
    calls,
    neighbours: (id: string, options: { limit?: number; offset?: number } = {}): Promise<Neighbourhood> => {
      const limit = options.limit ?? 1000;
      const offset = options.offset ?? 0;
      calls.push(`${offset}+${limit}`);
      const page = neighbours.slice(offset, offset + limit - 1);
      return Promise.resolve({
        nodes: [node(id, 'Centre', 'Hub'), ...page.map((n) => node(n, 'Facilitator'))],
        edges: page.map((n, i) => edge(`e${offset + i}`, n, id, 'RECRUITS_FOR')),
        truncated: offset + page.length < count,
        total: count,
      });
    },
  };
  return fake as unknown as Api & { calls: string[] };
}

describe('GraphSession', () => {
  it('frames the first nodes of a canvas once, sets the network frame with them and drops it on clear', () => {
    const s = new GraphSession();
    expect(s.getSnapshot().networkBox).toBeNull();
    s.addSubgraph({ nodes: [node('country:NA', 'Country'), node('centre:a', 'Centre')], edges: [] });
    const first = s.getSnapshot();
    expect(first.frameRequest).toBe(1);
    expect(first.networkBox).not.toBeNull();
    expect(first.layoutRun).toBe(1);
    s.addSubgraph({ nodes: [node('centre:b', 'Centre')], edges: [] });
    expect(s.getSnapshot().frameRequest).toBe(1);
    expect(s.getSnapshot().networkBox).toEqual(first.networkBox);
    s.clear();
    expect(s.getSnapshot().networkBox).toBeNull();
    s.addSubgraph({ nodes: [node('centre:c', 'Centre')], edges: [] });
    expect(s.getSnapshot().frameRequest).toBe(2);
  });

  it('undoes and redoes edits, and tells its subscribers each time', () => {
    const s = new GraphSession();
    const seen = vi.fn();
    s.subscribe(seen);
    s.addSubgraph({ nodes: [node('centre:a', 'Centre')], edges: [] });
    s.addSubgraph({ nodes: [node('centre:b', 'Centre')], edges: [] });
    expect(s.graph.order).toBe(2);
    s.undo();
    expect(s.graph.nodes()).toEqual(['centre:a']);
    expect(s.getSnapshot().canRedo).toBe(true);
    s.redo();
    expect(s.graph.order).toBe(2);
    expect(seen.mock.calls.length).toBeGreaterThanOrEqual(4);
  });
});

describe('paging an expansion', () => {
  it('shows a page, offers the next one in a notice, and says when every neighbour is there', async () => {
    const s = new GraphSession();
    const client = hubApi(100);
    const notices = new NoticeStore(() => undefined);
    const onError = vi.fn();
    await expandWithNotices(s, client, notices, onError, 'centre:hub');
    expect(client.calls).toEqual([`0+${PAGE + 1}`]);
    expect(s.graph.order).toBe(1 + 40);
    const [notice] = notices.getSnapshot();
    expect(notice?.text).toBe('Hub: 40 of 100 neighbours shown (best connected first), and 60 more.');
    expect(notice?.action?.label).toBe('Show 40 more');

    notice?.action?.run();
    await vi.waitFor(() => expect(s.graph.order).toBe(1 + 80));
    expect(client.calls).toEqual([`0+${PAGE + 1}`, `${PAGE}+${PAGE + 1}`]);
    const second = notices.getSnapshot().at(-1);
    expect(second?.text).toBe('Hub: 80 of 100 neighbours shown (best connected first), and 20 more.');
    expect(second?.action?.label).toBe('Show 20 more');

    second?.action?.run();
    await vi.waitFor(() => expect(s.graph.order).toBe(1 + 100));
    expect(notices.getSnapshot()).toHaveLength(2); // the last page needs no notice

    const again = await expandNode(s, client, 'centre:hub');
    expect(again).toEqual({
      kind: 'more',
      text: 'Hub: 40 of 100 neighbours shown (best connected first), and 60 more.',
      moreLabel: 'Show 40 more',
      next: { order: 'degree', offset: 40 },
    });
    expect(onError).not.toHaveBeenCalled();
  });

  it('says so when every neighbour is already on the canvas', async () => {
    const s = new GraphSession();
    const client = hubApi(3);
    expect(await expandNode(s, client, 'centre:hub')).toEqual({ kind: 'done' });
    expect(await expandNode(s, client, 'centre:hub')).toEqual({
      kind: 'all-present',
      text: 'Hub: every neighbour is already on the canvas.',
    });
  });

  it('reports a failed expansion to the error handler', async () => {
    const s = new GraphSession();
    const failure = new Error('the server did not answer');
    const client = { neighbours: () => Promise.reject(failure) } as unknown as Api;
    const onError = vi.fn();
    await expandWithNotices(s, client, new NoticeStore(() => undefined), onError, 'centre:hub');
    expect(onError).toHaveBeenCalledWith(failure);
    expect(s.graph.order).toBe(0);
  });
});

describe('loading the victim flows of the map', () => {
  const flowsApi = (trafficked: number) => {
    const runQuery = vi.fn((_name: string, params: Record<string, unknown>): Promise<QueryResult> =>
      Promise.resolve({
        columns: [],
        rows: [],
        graph: { nodes: [node(`centre:${String(params.hub)}`, 'Centre')], edges: [] },
        truncated: false,
        elapsedMs: 1,
      }),
    );
    const neighbours = vi.fn((id: string): Promise<Neighbourhood> =>
      Promise.resolve({
        nodes: [
          node(id, 'Centre', 'Compound'),
          node('country:KH', 'Country'),
          ...Array.from({ length: trafficked }, (_, i) => node(`country:S${i}`, 'Country')),
        ],
        edges: [
          edge('loc', id, 'country:KH', 'LOCATED_IN'),
          ...Array.from({ length: trafficked }, (_, i) => edge(`t${i}`, `country:S${i}`, id, 'TRAFFICKED_TO')),
        ],
        truncated: false,
        total: trafficked + 1,
      }),
    );
    return { client: { runQuery, neighbours } as unknown as Api, runQuery, neighbours };
  };

  it('loads the flows into the selected centre and counts their countries', async () => {
    const s = new GraphSession();
    s.addSubgraph({ nodes: [node('centre:x', 'Centre', 'Compound')], edges: [] });
    const { client, neighbours, runQuery } = flowsApi(3);
    expect(await loadFlows(s, client, 'centre:x', null)).toBe('Compound: victims trafficked from 3 countries.');
    expect(neighbours).toHaveBeenCalledWith('centre:x', { relKinds: ['TRAFFICKED_TO', 'LOCATED_IN'], limit: 500 });
    expect(runQuery).not.toHaveBeenCalled();
    expect(s.graph.order).toBe(1 + 1 + 3);
  });

  it('says when a centre has no recorded flows', async () => {
    const s = new GraphSession();
    s.addSubgraph({ nodes: [node('centre:x', 'Centre', 'Compound')], edges: [] });
    expect(await loadFlows(s, flowsApi(0).client, 'centre:x', null)).toBe(
      'Compound: no victim flows are recorded; its sources do not say where its victims came from.',
    );
  });

  it('without a selected centre, loads the centres of the chosen hub region, or of every one', async () => {
    const one = flowsApi(0);
    expect(await loadFlows(new GraphSession(), one.client, null, HUB_REGIONS[0] ?? null)).toBeNull();
    expect(one.runQuery.mock.calls).toEqual([['centres-in-hub', { hub: HUB_REGIONS[0] }]]);
    const every = flowsApi(0);
    const s = new GraphSession();
    // a selected country is not a centre: the hub regions are loaded
    s.addSubgraph({ nodes: [node('country:PH', 'Country')], edges: [] });
    await loadFlows(s, every.client, 'country:PH', null);
    expect(every.runQuery.mock.calls.map((c) => c[1])).toEqual(HUB_REGIONS.map((hub) => ({ hub })));
    expect(every.neighbours).not.toHaveBeenCalled();
  });
});

describe('a workspace saved and reopened', () => {
  function memoryWorkspaces(): WorkspaceApi {
    const saved = new Map<string, Workspace>();
    return {
      saveWorkspace: (name: string, body: Omit<Workspace, 'name' | 'savedAt'>) => {
        const ws = JSON.parse(JSON.stringify({ ...body, name, savedAt: '2026-01-01T00:00:00Z' })) as Workspace;
        saved.set(name, ws);
        return Promise.resolve(ws);
      },
      workspace: (name: string) => {
        const ws = saved.get(name);
        return ws ? Promise.resolve(ws) : Promise.reject(new Error(`no workspace ${name}`));
      },
    } as WorkspaceApi;
  }

  it('comes back with its positions, frame, view, filters, selection and camera, without a new layout', async () => {
    const client = memoryWorkspaces();
    const before = new GraphSession();
    before.addSubgraph({
      nodes: [node('centre:a', 'Centre'), node('country:NA', 'Country')],
      edges: [edge('e1', 'centre:a', 'country:NA', 'LOCATED_IN')],
    });
    before.graph.mergeNodeAttributes('centre:a', { x: 12, y: -7, fixed: true });
    const camera = { x: 0.4, y: 0.6, ratio: 0.5, angle: 0 };
    await saveWorkspace(before, client, 'case-1', 'Case one', {
      view: 'routes',
      filters: { ...NO_FILTERS, hiddenKinds: ['Document'] },
      selected: 'centre:a',
      camera,
    });

    const after = new GraphSession();
    after.addSubgraph({ nodes: [node('centre:other', 'Centre')], edges: [] });
    const { layoutRun, frameRequest } = after.getSnapshot();
    const reopened = await openWorkspace(after, client, 'case-1');
    expect(reopened).toEqual({
      title: 'Case one',
      view: 'routes',
      filters: { ...NO_FILTERS, hiddenKinds: ['Document'] },
      selected: 'centre:a',
      camera,
    });
    expect(after.graph.nodes().sort()).toEqual(['centre:a', 'country:NA']);
    expect(after.graph.getNodeAttributes('centre:a')).toMatchObject({ x: 12, y: -7, fixed: true });
    expect(after.graph.hasEdge('e1')).toBe(true);
    const snap = after.getSnapshot();
    expect(snap.networkBox).toEqual(before.getSnapshot().networkBox);
    expect(snap.layoutRun).toBe(layoutRun); // saved positions are kept, not laid out again
    expect(snap.frameRequest).toBe(frameRequest); // and the saved camera is used, not a new frame
    after.undo(); // reopening is an edit like the others
    expect(after.graph.nodes()).toEqual(['centre:other']);
  });
});

describe('notices', () => {
  it('keeps the last four; info notices fade after a while, errors stay until dismissed', () => {
    const timers: { run(): void; ms: number }[] = [];
    const store = new NoticeStore((run, ms) => timers.push({ run, ms }));
    store.notify('boom', 'error');
    for (const text of ['one', 'two', 'three']) store.notify(text);
    expect(store.getSnapshot().map((n) => n.text)).toEqual(['boom', 'one', 'two', 'three']);
    store.notify('four');
    expect(store.getSnapshot().map((n) => n.text)).toEqual(['one', 'two', 'three', 'four']);
    expect(timers.map((t) => t.ms)).toEqual([INFO_MS, INFO_MS, INFO_MS, INFO_MS]);
    for (const t of timers) t.run();
    expect(store.getSnapshot()).toEqual([]);
    store.notify('still here', 'error');
    const [error] = store.getSnapshot();
    expect(timers).toHaveLength(4);
    if (error) store.dismiss(error.id);
    expect(store.getSnapshot()).toEqual([]);
  });
});
