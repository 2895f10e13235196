/**
 * The investigator's workspace: search and toolbar on top, panels on the left, the canvas in the
 * middle with its legend and time bar, details of the selection on the right. The data graph and
 * its history live in a GraphSession (state/), notices in a NoticeStore; the controllers
 * (controllers/) render nothing and keep the camera, the URL, the keys and the map in step.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { api, type QueryResult, type SearchHit } from './api/client.ts';
import { collapse, toSerialized } from './core/graph/data-graph.ts';
import type { Filters } from './core/filters/filters.ts';
import { nodeSizes, type SizeMeasure } from './core/style/sizing.ts';
import { geoPlacements, WORLD_BBOX } from './core/geo/route-layout.ts';
import { readUrlState, type ViewMode } from './core/url/url-state.ts';
import type { RenderState } from './core/render/reducers.ts';
import { keepExisting, select, single, type Selection, type SelectMode } from './core/selection/selection.ts';
import { expandWithNotices, loadFlows, openHit, PAGE } from './state/actions.ts';
import type { Reopened } from './state/workspace.ts';
import { useGraphSession } from './hooks/useGraphSession.ts';
import { useNotices } from './hooks/useNotices.ts';
import { usePaths } from './hooks/usePaths.ts';
import { useWorkspaces } from './hooks/useWorkspaces.ts';
import { useConnecting } from './hooks/useConnecting.ts';
import { useCommunities } from './hooks/useCommunities.ts';
import { connectable } from './core/analysis/connecting.ts';
import { useCamera } from './hooks/useCamera.ts';
import { useStartup } from './hooks/useStartup.ts';
import { CameraController } from './controllers/CameraController.tsx';
import { UrlStateController } from './controllers/UrlStateController.tsx';
import { KeyboardShortcuts } from './controllers/KeyboardShortcuts.tsx';
import { RouteViewController } from './controllers/RouteViewController.tsx';
import { GraphCanvas, type SigmaInstance } from './components/GraphCanvas.tsx';
import { SearchBox } from './components/SearchBox.tsx';
import { Toolbar } from './components/Toolbar.tsx';
import { DetailsPlaceholder, EmptyState, EXAMPLE_NODE } from './components/EmptyState.tsx';
import { NoticeList } from './components/NoticeList.tsx';
import { RoutePanel } from './components/RoutePanel.tsx';
import { Legend } from './components/Legend.tsx';
import { DetailsPanel } from './components/DetailsPanel.tsx';
import { FiltersPanel } from './components/FiltersPanel.tsx';
import { TimeBar } from './components/TimeBar.tsx';
import { Timeline } from './components/Timeline.tsx';
import { SummaryPanel } from './components/SummaryPanel.tsx';
import { PathPanel } from './components/PathPanel.tsx';
import { ConnectPanel } from './components/ConnectPanel.tsx';
import { CommunitiesPanel } from './components/CommunitiesPanel.tsx';
import { CommunityLegend } from './components/CommunityLegend.tsx';
import { QueriesPanel } from './components/QueriesPanel.tsx';
import { useQueryWorkStore } from './hooks/useQueryWork.ts';
import { WorkspacesPanel } from './components/WorkspacesPanel.tsx';
import { ExportPanel } from './components/ExportPanel.tsx';
import { ImportPanel } from './components/ImportPanel.tsx';
import { SelectToolSwitch } from './components/SelectTool.tsx';
import { SelectionBar } from './components/SelectionBar.tsx';
import { GroupsList } from './components/GroupsList.tsx';
import { GroupDetails } from './components/GroupDetails.tsx';
import { SelectionShortcuts } from './controllers/SelectionShortcuts.tsx';
import { useSelectionTools } from './hooks/useSelectionTools.ts';
import { entityGraph, entityIds, isGroupNode } from './core/groups/groups.ts';
import { UserMenu, type AdminView } from './components/auth/UserMenu.tsx';
import { AdminPanel } from './components/admin/AdminPanel.tsx';
import { useAuth } from './hooks/useAuth.ts';
import { NoteMarkers } from './components/notes/NoteMarkers.tsx';
import { MergeControl, mergeRefusal } from './components/merge/MergeControl.tsx';
import { DuplicatesPanel } from './components/merge/DuplicatesPanel.tsx';
import { useEditing } from './hooks/useEditing.ts';
import { EditingLayer } from './components/edit/EditingLayer.tsx';
import { AddEntityButton } from './components/edit/AddEntityButton.tsx';
import { NodeEditActions, SelectedLinkPanel } from './components/edit/EditingPanels.tsx';
import type { Permission } from '../../server/model/access.ts';

export { PAGE };

type Tab = 'filters' | 'summary' | 'queries' | 'paths' | 'analysis' | 'workspaces' | 'export' | 'import';
const TABS: Tab[] = ['filters', 'summary', 'queries', 'paths', 'analysis', 'workspaces', 'export', 'import'];
/** the permission a whole tab needs (the others need only graph:read, or check their own controls) */
const TAB_PERMISSION: Partial<Record<Tab, Permission>> = { export: 'export', import: 'import' };

const toggleIn = (list: string[], item: string) =>
  list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

export function App() {
  const [initial] = useState(() => readUrlState(window.location.search));
  const [session, snapshot] = useGraphSession();
  const { graph } = session;
  const { store: notices, notices: noticeList, onError } = useNotices();
  const { notify } = notices;
  const camera = useCamera();
  const paths = usePaths(session, onError);
  const connecting = useConnecting(session, onError);
  const [filters, setFilters] = useState<Filters>(initial.filters);
  const [view, setView] = useState<ViewMode>(initial.view);
  const [hub, setHub] = useState<string | null>(initial.hub);
  const [selection, setSelection] = useState<Selection>(() => single(initial.selected));
  // the primary selection: the node whose details are shown
  const selected = selection.primary;
  const setSelected = useCallback((id: string | null) => setSelection(single(id)), []);
  const onSelectIds = useCallback(
    (ids: readonly string[], mode: SelectMode) => setSelection((s) => select(s, ids, mode)),
    [],
  );
  const [hovered, setHovered] = useState<string | null>(null);
  const [sizeMeasure, setSizeMeasure] = useState<SizeMeasure>('degree');
  const [tab, setTab] = useState<Tab>('filters');
  const [admin, setAdmin] = useState<AdminView | null>(null);
  const { denied, actor } = useAuth();
  const editing = useEditing(session, { notify, onError, selectNode: setSelected });
  const writeDenied = denied('graph:write');
  const [openedQuery, setOpenedQuery] = useState<{
    name: string;
    params: Record<string, string>;
    nonce: number;
  } | null>(null);
  const [layoutRunning, setLayoutRunning] = useState(false);
  const [sigma, setSigma] = useState<SigmaInstance | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const queries = useStartup(session, initial.nodes, notify, onError);
  // the queries panel's form, editor text and last result, kept while other tabs are open
  const queryWork = useQueryWorkStore();

  const { centreOn, fit } = camera;
  const expand = useCallback(
    (id: string, relKinds?: string[]) => expandWithNotices(session, api, notices, onError, id, relKinds),
    [session, notices, onError],
  );

  const pick = useCallback(
    async (hit: Pick<SearchHit, 'id'>) => {
      try {
        await openHit(session, api, hit);
        setSelected(hit.id);
        centreOn(hit.id);
      } catch (error) {
        onError(error);
      }
    },
    [session, centreOn, onError, setSelected],
  );

  const showQueryResult = useCallback(
    (result: QueryResult, mode: 'replace' | 'add') => {
      if (mode === 'replace') session.replaceAll(result.graph);
      else session.addSubgraph(result.graph);
      if (result.graph.nodes.length === 0) notify('The query returned no graph to draw; its table is in the panel.');
    },
    [session, notify],
  );

  const onLoadFlows = async () => {
    try {
      const text = await loadFlows(session, api, selected, hub);
      if (text) notify(text);
    } catch (error) {
      onError(error);
    }
  };

  const { clearPaths } = paths;
  const { connect, clear: clearConnecting } = connecting;
  // the connecting network of a selection; the bulk-action bar calls this as onConnect(ids)
  const onConnect = useCallback(
    (ids: readonly string[]) => {
      clearPaths();
      void connect(ids);
    },
    [clearPaths, connect],
  );
  const onReopened = useCallback(
    (r: Reopened) => {
      setFilters(r.filters);
      setView(r.view);
      setSelected(r.selected);
      clearPaths();
      clearConnecting();
      if (r.camera) camera.restore(r.camera);
    },
    [clearPaths, clearConnecting, camera, setSelected],
  );
  const workspaces = useWorkspaces(session, { sigma, view, filters, selected, notify, onReopened });

  const changeView = (next: ViewMode) => {
    if (next === view) return;
    setView(next);
    camera.frameView(selected);
  };
  const undo = useCallback(() => session.undo(), [session]);
  const redo = useCallback(() => session.redo(), [session]);

  // --- derived render state: recomputed for each new snapshot of the graph ----------------------
  const sizes = useMemo(() => nodeSizes(snapshot.graph, sizeMeasure, filters), [snapshot, sizeMeasure, filters]);
  const communities = useCommunities(snapshot, filters, tab === 'analysis');
  const geo = useMemo(() => geoPlacements(snapshot.graph), [snapshot]);
  // nodes removed from the canvas (collapse, remove, clear, undo) leave the selection
  const onCanvas = useMemo(() => keepExisting(selection, (id) => snapshot.graph.hasNode(id)), [selection, snapshot]);
  const selectionSet = useMemo(() => new Set(onCanvas.ids), [onCanvas]);
  const highlight = paths.highlight ?? connecting.highlight;
  const colours = communities.colours;
  // selection gestures, bulk actions and groups (combos); export of a selection opens the export tab
  const [exportIds, setExportIds] = useState<string[] | null>(null);
  // the entities the merge dialog is open on (the selection bar's Merge… sets them)
  const [mergeIds, setMergeIds] = useState<readonly string[] | null>(null);
  const tools = useSelectionTools(session, snapshot, {
    sigma,
    ids: onCanvas.ids,
    onSelectIds,
    onClear: () => setSelected(null),
    expand,
    notify,
    onExport: (ids) => {
      const refused = denied('export');
      if (refused) return notify(refused);
      setExportIds(ids);
      setTab('export');
    },
    onConnect,
    onMerge: (ids) => {
      const refused = mergeRefusal(graph, ids, denied);
      if (refused) return notify(refused);
      setMergeIds(ids);
    },
  });
  const renderState: RenderState = useMemo(
    () => ({
      filters,
      view,
      selected,
      selection: selectionSet,
      hovered,
      path: highlight,
      sizes,
      geo,
      hub,
      colours,
      selectedEdge: editing.selectedEdge,
    }),
    [filters, view, selected, selectionSet, hovered, highlight, sizes, geo, hub, colours, editing.selectedEdge],
  );
  const toConnect = connectable(onCanvas.ids, (id) => snapshot.graph.hasNode(id));
  const onWindow = useCallback((from: string | null, to: string | null) => setFilters((f) => ({ ...f, from, to })), []);

  const selectedGroup = selected && graph.hasNode(selected) && tools.isGroup(selected) ? selected : null;
  const selectedOnCanvas = selected && graph.hasNode(selected) && !selectedGroup ? selected : null;
  const edgeOnCanvas = editing.selectedEdge && graph.hasEdge(editing.selectedEdge) ? editing.selectedEdge : null;
  const selectedCentre =
    selectedOnCanvas && graph.getNodeAttribute(selectedOnCanvas, 'kind') === 'Centre' ? selectedOnCanvas : null;

  return (
    <div className="app">
      <RouteViewController graph={graph} geo={geo} view={view} />
      <UrlStateController snapshot={snapshot} view={view} selected={selected} filters={filters} hub={hub} />
      <KeyboardShortcuts
        onUndo={undo}
        onRedo={redo}
        onSearch={() => searchRef.current?.focus()}
        onFit={fit}
        onEscape={() => {
          setSelected(null);
          editing.selectEdge(null);
          clearPaths();
          clearConnecting();
        }}
      />
      <SelectionShortcuts onSelectAll={tools.selectAll} />
      <header className="topbar">
        <div className="brand">scamnet</div>
        <SearchBox ref={searchRef} onPick={(hit) => void pick(hit)} onError={onError} />
        <div className="view-switch" role="group" aria-label="View">
          <button className={view === 'network' ? 'on' : ''} onClick={() => changeView('network')}>
            Network
          </button>
          <button className={view === 'routes' ? 'on' : ''} onClick={() => changeView('routes')}>
            Routes
          </button>
          <button className={view === 'timeline' ? 'on' : ''} onClick={() => changeView('timeline')}>
            Timeline
          </button>
        </div>
        <Toolbar
          canUndo={snapshot.canUndo}
          canRedo={snapshot.canRedo}
          layoutDisabled={view === 'routes'}
          layoutRunning={layoutRunning}
          onUndo={undo}
          onRedo={redo}
          onFit={fit}
          onUnhideAll={() =>
            session.edit(() => graph.forEachNode((n) => graph.removeNodeAttribute(n, 'hiddenByUser')), false)
          }
          onLayout={() => session.relayout()}
          onClear={() => {
            session.clear();
            setSelected(null);
            clearPaths();
            clearConnecting();
          }}
        />
        <SelectToolSwitch tool={tools.tool} onTool={tools.setTool} />
        <AddEntityButton denied={writeDenied} onAdd={() => editing.openForm({ entity: 'node', mode: 'create' })} />
        <div className="counts" data-testid="counts">
          {graph.order} nodes · {graph.size} links
          {onCanvas.ids.length > 1 && <span data-testid="selected-count"> · {onCanvas.ids.length} selected</span>}
        </div>
        <UserMenu onAdmin={setAdmin} onError={onError} onDone={notify} />
      </header>

      <nav className="side">
        <div className="tabs">
          {TABS.map((t) => {
            const needs = TAB_PERMISSION[t];
            const reason = needs ? denied(needs) : null;
            return (
              <button
                key={t}
                className={tab === t ? 'on' : ''}
                disabled={Boolean(reason)}
                title={reason ?? undefined}
                onClick={() => setTab(t)}
              >
                {t.charAt(0).toUpperCase() + t.slice(1)}
              </button>
            );
          })}
        </div>
        {view === 'routes' && (
          <RoutePanel
            hub={hub}
            centreLabel={selectedCentre ? session.labelOf(selectedCentre) : null}
            onHub={setHub}
            onLoadFlows={() => void onLoadFlows()}
          />
        )}
        {tab === 'filters' && (
          <FiltersPanel
            filters={filters}
            sizeMeasure={sizeMeasure}
            onChange={setFilters}
            onSizeMeasure={setSizeMeasure}
          />
        )}
        {tab === 'summary' && (
          <SummaryPanel
            graph={graph}
            version={snapshot.version}
            filters={filters}
            onSelectIds={onSelectIds}
            onFilterTo={(ids) => {
              const keep = new Set(entityIds(graph, ids));
              // one undoable step; groups are drawing, left as they are
              session.edit(
                () =>
                  graph.forEachNode((n, a) => {
                    if (!keep.has(n) && !isGroupNode(a) && !a.inGroup) graph.setNodeAttribute(n, 'hiddenByUser', true);
                  }),
                false,
              );
            }}
          />
        )}
        {tab === 'filters' && <DuplicatesPanel session={session} onSelectIds={onSelectIds} onError={onError} />}
        {tab === 'queries' && (
          <QueriesPanel
            queries={queries}
            opened={openedQuery}
            cypherDenied={denied('cypher:raw')}
            work={queryWork}
            selectedIds={onCanvas.ids}
            onSelectIds={onSelectIds}
            onResult={showQueryResult}
            onError={onError}
          />
        )}
        {tab === 'paths' && (
          <PathPanel
            from={paths.ends.from ? { id: paths.ends.from, label: session.labelOf(paths.ends.from) } : null}
            to={paths.ends.to ? { id: paths.ends.to, label: session.labelOf(paths.ends.to) } : null}
            maxHops={paths.maxHops}
            paths={paths.paths}
            active={paths.active}
            busy={paths.busy}
            labelOf={session.labelOf}
            onMaxHops={paths.setMaxHops}
            onFind={() => {
              clearConnecting();
              void paths.find();
            }}
            onShow={paths.setActive}
            onClear={paths.reset}
          />
        )}
        {tab === 'paths' && (
          <ConnectPanel
            count={toConnect.ids.length}
            reason={toConnect.reason}
            maxHops={connecting.maxHops}
            busy={connecting.busy}
            result={connecting.result}
            pair={connecting.pair}
            labelOf={session.labelOf}
            onMaxHops={connecting.setMaxHops}
            onConnect={() => onConnect(toConnect.ids)}
            onPair={connecting.setPair}
            onClear={clearConnecting}
          />
        )}
        {tab === 'analysis' && (
          <CommunitiesPanel
            communities={communities.communities}
            colourBy={communities.colourBy}
            labelOf={session.labelOf}
            onColourBy={communities.setColourBy}
            onSelect={(ids) => onSelectIds(ids, 'replace')}
          />
        )}
        {tab === 'workspaces' && (
          <WorkspacesPanel
            saveDenied={denied('workspaces:write')}
            onSave={workspaces.save}
            onOpen={workspaces.open}
            onError={onError}
            current={workspaces.current}
          />
        )}
        {tab === 'import' && !denied('import') && (
          <ImportPanel onError={onError} onDone={(message) => notify(message)} />
        )}
        {tab === 'export' && (
          <ExportPanel
            sigma={sigma}
            snapshot={() => entityGraph(toSerialized(graph))}
            nodeIds={() => exportIds ?? graph.filterNodes((_, a) => !a.hiddenByUser && !isGroupNode(a))}
            scope={exportIds ? { count: exportIds.length, onReset: () => setExportIds(null) } : null}
            groups={() => tools.groups}
            onError={onError}
            onDone={(message) => notify(message)}
          />
        )}
      </nav>

      <main className="stage">
        <GraphCanvas
          graph={graph}
          version={snapshot.version}
          layoutRun={snapshot.layoutRun}
          frameRequest={snapshot.frameRequest}
          state={renderState}
          frame={view === 'routes' ? WORLD_BBOX : snapshot.networkBox}
          onLayoutSettled={camera.settled}
          onSelect={(id, mode) => {
            if (editing.takeNodeClick(id)) return;
            editing.selectEdge(null);
            if (id) onSelectIds([id], mode);
            else setSelected(null);
          }}
          onSelectEdge={(edge) => {
            setSelected(null);
            editing.selectEdge(edge);
          }}
          onExpand={(id) => (tools.isGroup(id) ? tools.groupActions.onOpen(id) : void expand(id))}
          selectTool={tools.tool}
          onSelectIds={onSelectIds}
          onHover={setHovered}
          onReady={setSigma}
          onLayoutRunning={setLayoutRunning}
        />
        <CameraController
          sigma={sigma}
          graph={graph}
          view={view}
          request={camera.request}
          frameRequest={snapshot.frameRequest}
        />
        {graph.order === 0 && <EmptyState onExample={() => void pick({ id: EXAMPLE_NODE })} />}
        <Legend
          graph={graph}
          version={snapshot.version}
          filters={filters}
          onToggleKind={(k) => setFilters((f) => ({ ...f, hiddenKinds: toggleIn(f.hiddenKinds, k) }))}
          onToggleRelKind={(k) => setFilters((f) => ({ ...f, hiddenRelKinds: toggleIn(f.hiddenRelKinds, k) }))}
          onSelectKind={tools.selectKind}
        />
        {communities.colourBy && communities.communities && (
          <CommunityLegend
            communities={communities.communities}
            labelOf={session.labelOf}
            onSelect={(ids) => onSelectIds(ids, 'replace')}
          />
        )}
        <SelectionBar {...tools.bar} />
        <GroupsList groups={tools.groups} {...tools.groupActions} />
        {view === 'timeline' && (
          <Timeline
            graph={graph}
            version={snapshot.version}
            filters={filters}
            selection={selectionSet}
            onSelectIds={onSelectIds}
          />
        )}
        <TimeBar graph={graph} version={snapshot.version} from={filters.from} to={filters.to} onWindow={onWindow} />
        <NoticeList notices={noticeList} onDismiss={notices.dismiss} />
        <NoteMarkers sigma={sigma} graph={graph} version={snapshot.version} onError={onError} />
        <MergeControl
          session={session}
          open={mergeIds}
          onClose={() => setMergeIds(null)}
          onSelectIds={onSelectIds}
          notices={notices}
          onError={onError}
        />
        <EditingLayer editing={editing} clearance={actor.clearance} onError={onError} />
      </main>

      {admin && <AdminPanel view={admin} onView={setAdmin} onClose={() => setAdmin(null)} onError={onError} />}
      {!selectedOnCanvas && !selectedGroup && !edgeOnCanvas && <DetailsPlaceholder />}
      {!selectedOnCanvas && edgeOnCanvas && (
        <SelectedLinkPanel
          key={edgeOnCanvas}
          edgeId={edgeOnCanvas}
          editing={editing}
          labelOf={session.labelOf}
          writeDenied={writeDenied}
          onSelectNode={setSelected}
          onError={onError}
        />
      )}
      {selectedGroup && (
        <GroupDetails
          graph={graph}
          id={selectedGroup}
          onOpen={() => tools.groupActions.onOpen(selectedGroup)}
          onUngroup={() => tools.groupActions.onUngroup(selectedGroup)}
        />
      )}
      {selectedOnCanvas && (
        <DetailsPanel
          key={selectedOnCanvas}
          reload={editing.version}
          nodeId={selectedOnCanvas}
          onCanvasDegree={graph.degree(selectedOnCanvas)}
          pinned={Boolean(graph.getNodeAttribute(selectedOnCanvas, 'fixed'))}
          queries={queries}
          onExpand={(relKinds) => void expand(selectedOnCanvas, relKinds)}
          onCollapse={() => session.edit(() => collapse(graph, selectedOnCanvas), false)}
          onHide={() => {
            session.edit(() => graph.setNodeAttribute(selectedOnCanvas, 'hiddenByUser', true), false);
            setSelected(null);
          }}
          onPin={() =>
            session.edit(
              () =>
                graph.setNodeAttribute(selectedOnCanvas, 'fixed', !graph.getNodeAttribute(selectedOnCanvas, 'fixed')),
              false,
            )
          }
          onRemove={() => {
            session.edit(() => graph.dropNode(selectedOnCanvas), false);
            setSelected(null);
          }}
          onPathEnd={(end) => {
            paths.setEnd(end, selectedOnCanvas);
            setTab('paths');
          }}
          onOpenQuery={(name, params) => {
            setOpenedQuery({ name, params, nonce: Date.now() });
            setTab('queries');
          }}
          onReadSource={editing.read}
          editing={
            <NodeEditActions
              editing={editing}
              id={selectedOnCanvas}
              label={session.labelOf(selectedOnCanvas)}
              writeDenied={writeDenied}
              onError={onError}
            />
          }
          onError={onError}
        />
      )}
    </div>
  );
}
