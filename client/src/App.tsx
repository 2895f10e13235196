/**
 * The investigator's workspace: search and toolbar on top, panels on the left, the canvas in the
 * middle with its legend and time bar, details of the selection on the right. The data graph
 * lives as long as the page; every edit to it goes through `edit()`, which records undo history.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api, type PathInfo, type QueryResult, type QuerySummary, type SearchHit } from './api/client.ts';
import { collapse, createDataGraph, mergeSubgraph, replaceWith, toSerialized } from './core/graph/data-graph.ts';
import { History } from './core/graph/history.ts';
import { NO_FILTERS, type Filters } from './core/filters/filters.ts';
import { nodeSizes, type SizeMeasure } from './core/style/sizing.ts';
import { geoPlacements, HUB_REGIONS, WORLD_BBOX } from './core/geo/route-layout.ts';
import { showAsNetwork, showOnMap } from './core/geo/route-positions.ts';
import { cameraToContain, paddedExtent, type BBox } from './core/render/frame.ts';
import { readUrlState, writeUrlState, type ViewMode } from './core/url/url-state.ts';
import type { RenderState } from './core/render/reducers.ts';
import type { SerializedGraph } from './core/graph/types.ts';
import { GraphCanvas, type SigmaInstance } from './components/GraphCanvas.tsx';
import { SearchBox } from './components/SearchBox.tsx';
import { Legend } from './components/Legend.tsx';
import { DetailsPanel } from './components/DetailsPanel.tsx';
import { FiltersPanel } from './components/FiltersPanel.tsx';
import { TimeBar } from './components/TimeBar.tsx';
import { PathPanel } from './components/PathPanel.tsx';
import { QueriesPanel } from './components/QueriesPanel.tsx';
import { WorkspacesPanel } from './components/WorkspacesPanel.tsx';
import { ExportPanel } from './components/ExportPanel.tsx';

/** Neighbours added per expansion; "show more" adds the next page. */
export const PAGE = 40;
/** Most node ids kept in the URL; a larger canvas is shared as a workspace. */
const URL_MAX_NODES = 400;

type Tab = 'filters' | 'queries' | 'paths' | 'workspaces' | 'export';
interface Notice {
  id: number;
  text: string;
  kind: 'error' | 'info';
  action?: { label: string; run(): void };
}

export function App() {
  const graph = useMemo(createDataGraph, []);
  const history = useMemo(() => new History(), []);
  const initial = useMemo(() => readUrlState(window.location.search), []);
  const [version, setVersion] = useState(0);
  const [layoutRun, setLayoutRun] = useState(0);
  const [layoutRunning, setLayoutRunning] = useState(false);
  const [filters, setFilters] = useState<Filters>(initial.filters);
  const [view, setView] = useState<ViewMode>(initial.view);
  const [hub, setHub] = useState<string | null>(initial.hub);
  const [selected, setSelected] = useState<string | null>(initial.selected);
  const [hovered, setHovered] = useState<string | null>(null);
  const [sizeMeasure, setSizeMeasure] = useState<SizeMeasure>('degree');
  const [tab, setTab] = useState<Tab>('filters');
  const [notices, setNotices] = useState<Notice[]>([]);
  const [queries, setQueries] = useState<QuerySummary[]>([]);
  const [openedQuery, setOpenedQuery] = useState<{
    name: string;
    params: Record<string, string>;
    nonce: number;
  } | null>(null);
  const [pathEnds, setPathEnds] = useState<{ from: string | null; to: string | null }>({ from: null, to: null });
  const [paths, setPaths] = useState<PathInfo[] | null>(null);
  const [activePath, setActivePath] = useState(0);
  const [maxHops, setMaxHops] = useState(6);
  const [pathBusy, setPathBusy] = useState(false);
  const sigmaRef = useRef<SigmaInstance | null>(null);
  const [sigmaReady, setSigmaReady] = useState(false);
  const [networkBox, setNetworkBox] = useState<BBox | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const noticeId = useRef(0);

  const bump = useCallback(() => setVersion((v) => v + 1), []);
  const notify = useCallback((text: string, kind: Notice['kind'] = 'info', action?: Notice['action']) => {
    const id = ++noticeId.current;
    setNotices((n) => [...n.slice(-3), { id, text, kind, ...(action ? { action } : {}) }]);
    if (kind === 'info') setTimeout(() => setNotices((n) => n.filter((x) => x.id !== id)), 8000);
  }, []);
  const onError = useCallback(
    (error: unknown) => {
      const text =
        error instanceof ApiError
          ? `${error.message} (${error.code})`
          : error instanceof Error
            ? error.message
            : String(error);
      notify(text, 'error');
    },
    [notify],
  );

  /** Every change to the data graph goes through here, so it can be undone. */
  const edit = useCallback(
    (change: () => void, relayout = true) => {
      history.record(toSerialized(graph));
      change();
      bump();
      if (relayout) setLayoutRun((n) => n + 1);
    },
    [graph, history, bump],
  );

  const labelOf = useCallback(
    (id: string) => (graph.hasNode(id) ? String(graph.getNodeAttribute(id, 'label')) : id),
    [graph],
  );

  // --- camera -------------------------------------------------------------------------------
  /** Moves the camera (an animation, never a rescale) so every visible node is in view. */
  const fit = useCallback(() => {
    const sigma = sigmaRef.current;
    if (!sigma) return;
    if (view === 'routes') {
      void sigma.getCamera().animatedReset({ duration: 300 });
      return;
    }
    const points = graph
      .filterNodes((n) => !sigma.getNodeDisplayData(n)?.hidden)
      .map((n) => sigma.getNodeDisplayData(n)!);
    const target = cameraToContain(points);
    if (target) void sigma.getCamera().animate(target, { duration: 400 });
  }, [graph, view]);

  /** After the layout: if it pushed nodes out of the view, bring them back in. */
  const fitOnSettle = useRef(false);
  const keepInView = useCallback(() => {
    const sigma = sigmaRef.current;
    if (!sigma || view === 'routes') return;
    if (fitOnSettle.current) {
      // the first nodes of a canvas are framed once the layout has given them their shape
      fitOnSettle.current = false;
      fit();
      return;
    }
    const { width, height } = sigma.getDimensions();
    const outside = graph.someNode((n) => {
      const d = sigma.getNodeDisplayData(n);
      if (!d || d.hidden) return false;
      const p = sigma.framedGraphToViewport(d);
      return p.x < 0 || p.y < 0 || p.x > width || p.y > height;
    });
    if (outside) fit();
  }, [graph, view, fit]);

  const centreOn = useCallback((node: string) => {
    // after the next render, when sigma knows where the node is drawn
    requestAnimationFrame(() => {
      const sigma = sigmaRef.current;
      const data = sigma?.getNodeDisplayData(node);
      if (sigma && data)
        void sigma
          .getCamera()
          .animate({ x: data.x, y: data.y, ratio: Math.min(sigma.getCamera().ratio, 0.8) }, { duration: 400 });
    });
  }, []);

  const firstFrame = useRef(true);
  const frameIfFirst = useCallback(() => {
    if (!firstFrame.current) return;
    firstFrame.current = false;
    fitOnSettle.current = true;
    setTimeout(fit, 100);
  }, [fit]);

  // --- graph edits ----------------------------------------------------------------------------
  const addSubgraph = useCallback(
    (subgraph: SerializedGraph, parent?: string) => {
      let added: string[] = [];
      edit(() => {
        added = mergeSubgraph(graph, subgraph, parent ? { parent } : {});
      });
      frameIfFirst();
      return added;
    },
    [edit, graph, frameIfFirst],
  );

  const expand = useCallback(
    async (id: string, relKinds?: string[], limit = PAGE) => {
      try {
        const result = await api.neighbours(id, { relKinds, limit: limit + 1 });
        const added = addSubgraph(result, id);
        const total = result.total ?? 0;
        const shown = result.nodes.length - 1;
        if (result.truncated && total > shown) {
          notify(`${labelOf(id)}: ${shown} of ${total} neighbours shown, and ${total - shown} more.`, 'info', {
            label: `Show ${Math.min(PAGE, total - shown)} more`,
            run: () => void expand(id, relKinds, limit + PAGE),
          });
        } else if (added.length === 0) notify(`${labelOf(id)}: every neighbour is already on the canvas.`);
      } catch (error) {
        onError(error);
      }
    },
    [addSubgraph, labelOf, notify, onError],
  );

  const pick = useCallback(
    async (hit: SearchHit) => {
      try {
        if (!graph.hasNode(hit.id)) {
          const details = await api.node(hit.id);
          addSubgraph({ nodes: [details.node], edges: [] });
          // relationships to what is already on the canvas
          if (graph.order > 1) {
            const among = await api.subgraph(graph.nodes());
            edit(() => mergeSubgraph(graph, among), false);
          }
        }
        setSelected(hit.id);
        centreOn(hit.id);
      } catch (error) {
        onError(error);
      }
    },
    [graph, addSubgraph, edit, centreOn, onError],
  );

  const undo = useCallback(() => {
    const previous = history.undo(toSerialized(graph));
    if (previous) {
      replaceWith(graph, previous);
      bump();
    }
  }, [graph, history, bump]);
  const redo = useCallback(() => {
    const next = history.redo(toSerialized(graph));
    if (next) {
      replaceWith(graph, next);
      bump();
    }
  }, [graph, history, bump]);

  const showQueryResult = useCallback(
    (result: QueryResult, mode: 'replace' | 'add') => {
      if (mode === 'replace') {
        edit(() => {
          graph.clear();
          mergeSubgraph(graph, result.graph);
        });
        firstFrame.current = true;
        frameIfFirst();
      } else addSubgraph(result.graph);
      if (result.graph.nodes.length === 0) notify('The query returned no graph to draw; its table is in the panel.');
    },
    [edit, graph, addSubgraph, frameIfFirst, notify],
  );

  const findPaths = useCallback(async () => {
    if (!pathEnds.from || !pathEnds.to) return;
    setPathBusy(true);
    try {
      const result = await api.paths(pathEnds.from, pathEnds.to, maxHops);
      addSubgraph(result);
      setPaths(result.paths);
      setActivePath(0);
    } catch (error) {
      onError(error);
    } finally {
      setPathBusy(false);
    }
  }, [pathEnds, maxHops, addSubgraph, onError]);

  /** Victim flows for the map: into the selected centre, or into every centre of the hub region(s). */
  const loadFlows = useCallback(async () => {
    try {
      const centre =
        selected && graph.hasNode(selected) && graph.getNodeAttribute(selected, 'kind') === 'Centre' ? selected : null;
      if (centre) {
        const result = await api.neighbours(centre, { relKinds: ['TRAFFICKED_TO', 'LOCATED_IN'], limit: 500 });
        addSubgraph(result, centre);
        const flows = result.edges.filter((e) => e.attributes.kind === 'TRAFFICKED_TO').length;
        notify(
          flows > 0
            ? `${labelOf(centre)}: victims trafficked from ${flows} countries.`
            : `${labelOf(centre)}: no victim flows are recorded; its sources do not say where its victims came from.`,
        );
        return;
      }
      for (const region of hub ? [hub] : HUB_REGIONS) {
        const result = await api.runQuery('centres-in-hub', { hub: region });
        addSubgraph(result.graph);
      }
    } catch (error) {
      onError(error);
    }
  }, [selected, graph, hub, addSubgraph, labelOf, notify, onError]);

  // --- workspaces -----------------------------------------------------------------------------
  const saveWorkspace = useCallback(
    async (name: string, title: string) => {
      const sigma = sigmaRef.current;
      await api.saveWorkspace(name, {
        title,
        graph: toSerialized(graph),
        view,
        filters: filters as unknown as Record<string, unknown>,
        selected,
        ...(sigma ? { camera: sigma.getCamera().getState() } : {}),
        ...(networkBox ? { bbox: networkBox } : {}),
      });
      notify(`Saved “${title}”.`);
    },
    [graph, view, filters, selected, networkBox, notify],
  );

  const openWorkspace = useCallback(
    async (name: string) => {
      const ws = await api.workspace(name);
      edit(() => replaceWith(graph, ws.graph), false);
      firstFrame.current = false;
      setFilters({ ...NO_FILTERS, ...(ws.filters as Partial<Filters>) });
      setView(ws.view);
      setSelected(ws.selected);
      setPaths(null);
      setNetworkBox(ws.bbox ?? paddedExtent(graph));
      // after the frame above has reached sigma
      setTimeout(() => {
        const camera = sigmaRef.current?.getCamera();
        if (camera && ws.camera) camera.setState(ws.camera);
      }, 50);
      notify(`Opened “${ws.title}”.`);
    },
    [edit, graph, notify],
  );

  // --- derived render state -------------------------------------------------------------------
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const sizes = useMemo(() => nodeSizes(graph, sizeMeasure), [graph, sizeMeasure, version]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const geo = useMemo(() => geoPlacements(graph), [graph, version]);
  const pathHighlight = useMemo(() => {
    const p = paths?.[activePath];
    return p ? { nodes: new Set(p.nodes), edges: new Set(p.edges) } : null;
  }, [paths, activePath]);
  const renderState: RenderState = useMemo(
    () => ({ filters, view, selected, hovered, path: pathHighlight, sizes, geo, hub }),
    [filters, view, selected, hovered, pathHighlight, sizes, geo, hub],
  );

  // --- effects --------------------------------------------------------------------------------
  const loaded = useRef(false);
  useEffect(() => {
    if (loaded.current) return;
    loaded.current = true;
    api
      .queries()
      .then((r) => setQueries(r.queries))
      .catch(onError);
    if (initial.nodes.length > 0) {
      api
        .subgraph(initial.nodes)
        .then((sub) => {
          addSubgraph(sub);
          if (sub.missing.length)
            notify(
              `${sub.missing.length} node(s) in the link no longer exist: ${sub.missing.slice(0, 5).join(', ')}`,
              'error',
            );
        })
        .catch(onError);
    }
    // once, on load
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // the URL follows the view, so a link reopens the same picture
  useEffect(() => {
    const nodes = graph.filterNodes((_, a) => !a.hiddenByUser);
    const search = writeUrlState({ nodes: nodes.slice(0, URL_MAX_NODES), view, selected, filters, hub });
    window.history.replaceState(null, '', `${window.location.pathname}${search}`);
  }, [graph, version, view, selected, filters, hub]);

  // the map puts countries and centres where they are; the network view puts them back
  const shownOnMap = useRef(false);
  useEffect(() => {
    if (view === 'routes') {
      showOnMap(graph, geo);
      shownOnMap.current = true;
    } else if (shownOnMap.current) {
      showAsNetwork(graph);
      shownOnMap.current = false;
    }
  }, [graph, geo, view]);

  // the network's frame is set when the first nodes arrive and dropped when the canvas is cleared
  useEffect(() => {
    if (graph.order === 0 && networkBox) setNetworkBox(null);
    else if (graph.order > 0 && !networkBox) setNetworkBox(paddedExtent(graph));
  }, [graph, version, networkBox]);

  // a different view frames differently; the selection stays
  useEffect(() => {
    const timer = setTimeout(() => {
      if (view === 'network') fit();
      else void sigmaRef.current?.getCamera().animatedReset({ duration: 200 });
      if (selected) centreOn(selected);
    }, 50);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing =
        e.target instanceof HTMLElement &&
        (e.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName));
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && !typing) {
        e.preventDefault();
        if (e.shiftKey) redo();
        else undo();
      } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'y' && !typing) {
        e.preventDefault();
        redo();
      } else if (typing) return;
      else if (e.key === '/') {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.key === 'f') fit();
      else if (e.key === 'Escape') {
        setSelected(null);
        setPaths(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, fit]);

  const onReady = useCallback((sigma: SigmaInstance | null) => {
    sigmaRef.current = sigma;
    setSigmaReady(Boolean(sigma));
  }, []);

  const selectedOnCanvas = selected && graph.hasNode(selected) ? selected : null;
  const toggleIn = (list: string[], item: string) =>
    list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">scamnet</div>
        <SearchBox ref={searchRef} onPick={(hit) => void pick(hit)} onError={onError} />
        <div className="view-switch" role="group" aria-label="View">
          <button className={view === 'network' ? 'on' : ''} onClick={() => setView('network')}>
            Network
          </button>
          <button className={view === 'routes' ? 'on' : ''} onClick={() => setView('routes')}>
            Routes
          </button>
        </div>
        <div className="toolbar">
          <button onClick={undo} disabled={!history.canUndo} title="Undo (Ctrl+Z)">
            Undo
          </button>
          <button onClick={redo} disabled={!history.canRedo} title="Redo (Ctrl+Shift+Z)">
            Redo
          </button>
          <button onClick={fit} title="Fit to view (F)">
            Fit
          </button>
          <button
            onClick={() => edit(() => graph.forEachNode((n) => graph.removeNodeAttribute(n, 'hiddenByUser')), false)}
            title="Show hidden nodes"
          >
            Unhide all
          </button>
          <button onClick={() => setLayoutRun((n) => n + 1)} disabled={view === 'routes'} title="Run the layout again">
            {layoutRunning ? 'Laying out…' : 'Layout'}
          </button>
          <button
            onClick={() => {
              edit(() => graph.clear(), false);
              setSelected(null);
              setPaths(null);
              firstFrame.current = true;
            }}
          >
            Clear
          </button>
        </div>
        <div className="counts" data-testid="counts">
          {graph.order} nodes · {graph.size} links
        </div>
      </header>

      <nav className="side">
        <div className="tabs">
          {(['filters', 'queries', 'paths', 'workspaces', 'export'] as Tab[]).map((t) => (
            <button key={t} className={tab === t ? 'on' : ''} onClick={() => setTab(t)}>
              {t[0]!.toUpperCase() + t.slice(1)}
            </button>
          ))}
        </div>
        {view === 'routes' && (
          <div className="panel route-controls" aria-label="Route view">
            <label>
              Hub region
              <select aria-label="Hub region" value={hub ?? ''} onChange={(e) => setHub(e.target.value || null)}>
                <option value="">all hub regions</option>
                {HUB_REGIONS.map((h) => (
                  <option key={h}>{h}</option>
                ))}
              </select>
            </label>
            <button className="primary" onClick={() => void loadFlows()}>
              {selectedOnCanvas && graph.getNodeAttribute(selectedOnCanvas, 'kind') === 'Centre'
                ? `Load victim flows to ${labelOf(selectedOnCanvas)}`
                : `Load victim flows ${hub ? `to ${hub}` : 'to every hub'}`}
            </button>
            <p className="small muted">
              Countries sit at their centroids, centres in their countries; arrows are victim flows, wider for more
              victims.
            </p>
          </div>
        )}
        {tab === 'filters' && (
          <FiltersPanel
            filters={filters}
            sizeMeasure={sizeMeasure}
            onChange={setFilters}
            onSizeMeasure={setSizeMeasure}
          />
        )}
        {tab === 'queries' && (
          <QueriesPanel queries={queries} opened={openedQuery} onResult={showQueryResult} onError={onError} />
        )}
        {tab === 'paths' && (
          <PathPanel
            from={pathEnds.from ? { id: pathEnds.from, label: labelOf(pathEnds.from) } : null}
            to={pathEnds.to ? { id: pathEnds.to, label: labelOf(pathEnds.to) } : null}
            maxHops={maxHops}
            paths={paths}
            active={activePath}
            busy={pathBusy}
            labelOf={labelOf}
            onMaxHops={setMaxHops}
            onFind={() => void findPaths()}
            onShow={setActivePath}
            onClear={() => {
              setPaths(null);
              setPathEnds({ from: null, to: null });
            }}
          />
        )}
        {tab === 'workspaces' && <WorkspacesPanel onSave={saveWorkspace} onOpen={openWorkspace} onError={onError} />}
        {tab === 'export' && (
          <ExportPanel
            sigma={sigmaReady ? sigmaRef.current : null}
            snapshot={() => toSerialized(graph)}
            nodeIds={() => graph.filterNodes((_, a) => !a.hiddenByUser)}
            onError={onError}
            onDone={(message) => notify(message)}
          />
        )}
      </nav>

      <main className="stage">
        <GraphCanvas
          graph={graph}
          version={version}
          layoutRun={layoutRun}
          state={renderState}
          frame={view === 'routes' ? WORLD_BBOX : networkBox}
          onLayoutSettled={keepInView}
          onSelect={setSelected}
          onExpand={(id) => void expand(id)}
          onHover={setHovered}
          onReady={onReady}
          onLayoutRunning={setLayoutRunning}
        />
        {graph.order === 0 && (
          <div className="empty-state">
            <h2>Start an investigation</h2>
            <p>
              Press <kbd>/</kbd> and search for a centre, a country, a facilitator or an operation — or run a saved
              query.
            </p>
            <button
              className="primary"
              onClick={() =>
                void pick({ id: 'centre:na-2024-01', kind: 'Centre', label: '', match: '', countries: [] })
              }
            >
              Open the Namibia centre dismantled in 2024
            </button>
          </div>
        )}
        <Legend
          graph={graph}
          version={version}
          filters={filters}
          onToggleKind={(k) => setFilters((f) => ({ ...f, hiddenKinds: toggleIn(f.hiddenKinds, k) }))}
          onToggleRelKind={(k) => setFilters((f) => ({ ...f, hiddenRelKinds: toggleIn(f.hiddenRelKinds, k) }))}
        />
        <TimeBar
          graph={graph}
          version={version}
          from={filters.from}
          to={filters.to}
          onWindow={(from, to) => setFilters((f) => ({ ...f, from, to }))}
        />
        <div className="notices" aria-live="polite">
          {notices.map((n) => (
            <div key={n.id} className={`notice ${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
              <span>{n.text}</span>
              {n.action && (
                <button
                  onClick={() => {
                    n.action!.run();
                    setNotices((all) => all.filter((x) => x.id !== n.id));
                  }}
                >
                  {n.action.label}
                </button>
              )}
              <button
                className="close"
                aria-label="Dismiss"
                onClick={() => setNotices((all) => all.filter((x) => x.id !== n.id))}
              >
                ×
              </button>
            </div>
          ))}
        </div>
      </main>

      {!selectedOnCanvas && (
        <aside className="details placeholder" aria-label="Details">
          <p className="muted">
            Click a node to see its properties and provenance; double-click it to expand its neighbours.
          </p>
          <p className="muted small">
            Keys: <kbd>/</kbd> search · <kbd>F</kbd> fit · <kbd>Ctrl</kbd>+<kbd>Z</kbd> undo · <kbd>Ctrl</kbd>+
            <kbd>Shift</kbd>+<kbd>Z</kbd> redo · <kbd>Esc</kbd> clear the selection
          </p>
        </aside>
      )}
      {selectedOnCanvas && (
        <DetailsPanel
          nodeId={selectedOnCanvas}
          onCanvasDegree={graph.degree(selectedOnCanvas)}
          pinned={Boolean(graph.getNodeAttribute(selectedOnCanvas, 'fixed'))}
          queries={queries}
          onExpand={(relKinds) => void expand(selectedOnCanvas, relKinds)}
          onCollapse={() => edit(() => collapse(graph, selectedOnCanvas), false)}
          onHide={() => {
            edit(() => graph.setNodeAttribute(selectedOnCanvas, 'hiddenByUser', true), false);
            setSelected(null);
          }}
          onPin={() =>
            edit(
              () =>
                graph.setNodeAttribute(selectedOnCanvas, 'fixed', !graph.getNodeAttribute(selectedOnCanvas, 'fixed')),
              false,
            )
          }
          onRemove={() => {
            edit(() => graph.dropNode(selectedOnCanvas), false);
            setSelected(null);
          }}
          onPathEnd={(end) => {
            setPathEnds((p) => ({ ...p, [end]: selectedOnCanvas }));
            setTab('paths');
          }}
          onOpenQuery={(name, params) => {
            setOpenedQuery({ name, params, nonce: Date.now() });
            setTab('queries');
          }}
          onError={onError}
        />
      )}
    </div>
  );
}
