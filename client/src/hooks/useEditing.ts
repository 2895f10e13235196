/**
 * The page's editing state (issue 13): which form is open, whether a link is being drawn (and
 * from where), the selected link, the source being read, and a counter bumped by every write so
 * panels load again. Writes go through showEditResult (state/edit-actions.ts) onto the canvas.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, type EditResult, type Source } from '../api/client.ts';
import { showEditResult } from '../state/edit-actions.ts';
import type { GraphSession } from '../state/graph-session.ts';
import type { Notice } from '../state/notices.ts';
import type { EditTarget, LinkEnd } from '../core/edit/targets.ts';

export interface Reading {
  source: Source;
  excerpt: string | null | undefined;
}

interface Options {
  notify(text: string, kind?: Notice['kind'], action?: Notice['action']): void;
  onError(error: unknown): void;
  /** select a node on the canvas (null: nothing) */
  selectNode(id: string | null): void;
}

export interface Editing {
  form: EditTarget | null;
  openForm(target: EditTarget): void;
  closeForm(): void;
  /** drawing a link: the node it starts from */
  linkFrom: LinkEnd | null;
  startLink(from: string): void;
  cancelLink(): void;
  /** a click on a node while drawing takes it as the link's end; true when it did */
  takeNodeClick(node: string | null): boolean;
  selectedEdge: string | null;
  selectEdge(edge: string | null): void;
  reading: Reading | null;
  read(source: Source, excerpt: string | null | undefined): void;
  closeReader(): void;
  /** bumped by every write */
  version: number;
  onSaved(result: EditResult, target: EditTarget): void;
  onDeleted(result: EditResult): void;
  onRestored(result: EditResult): void;
}

/** How a notice names what was written: a node by its id, a link by its kind and ends. */
function whatOf(result: EditResult): string {
  const r = result.record ?? result.revision.record;
  return result.entity === 'node' ? result.id : `the ${String(r.kind)} link ${String(r.from)} → ${String(r.to)}`;
}

export function useEditing(session: GraphSession, { notify, onError, selectNode }: Options): Editing {
  const [form, setForm] = useState<EditTarget | null>(null);
  const [linkFrom, setLinkFrom] = useState<LinkEnd | null>(null);
  const [selectedEdge, setSelectedEdge] = useState<string | null>(null);
  const [reading, setReading] = useState<Reading | null>(null);
  const [version, setVersion] = useState(0);
  const { graph } = session;

  const endOf = useCallback(
    (id: string): LinkEnd => ({ id, kind: String(graph.getNodeAttribute(id, 'kind')), label: session.labelOf(id) }),
    [graph, session],
  );

  const cancelLink = useCallback(() => setLinkFrom(null), []);
  // Esc while drawing cancels the drawing only (not the selection, as Esc otherwise would)
  useEffect(() => {
    if (!linkFrom) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopImmediatePropagation();
      setLinkFrom(null);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [linkFrom]);

  const takeNodeClick = useCallback(
    (node: string | null): boolean => {
      if (!linkFrom) return false;
      // a click on the background leaves drawing mode on: the hint says how to leave it
      if (!node) return true;
      if (node === linkFrom.id) {
        notify('A link joins two different nodes: click the node it goes to.');
        return true;
      }
      setForm({ entity: 'relationship', mode: 'create', from: linkFrom, to: endOf(node) });
      setLinkFrom(null);
      return true;
    },
    [linkFrom, endOf, notify],
  );

  const draw = useCallback(
    (result: EditResult, then?: () => void) => {
      setVersion((v) => v + 1);
      showEditResult(session, api, result).then(then).catch(onError);
    },
    [session, onError],
  );

  const onSaved = useCallback(
    (result: EditResult, target: EditTarget) => {
      setForm(null);
      const created = result.createdSources.length ? ` and ${result.createdSources.length} new source(s)` : '';
      notify(
        `${target.mode === 'create' ? 'Added' : 'Saved'} ${whatOf(result)} (version ${result.revision.version})${created}.`,
      );
      draw(result, () => {
        if (result.entity === 'node') {
          setSelectedEdge(null);
          selectNode(result.id);
        } else if (target.mode === 'create') {
          selectNode(null);
          setSelectedEdge(result.id);
        }
      });
    },
    [draw, notify, selectNode],
  );

  const onRestored = useCallback(
    (result: EditResult) => {
      notify(`Restored ${result.id}: it is now version ${result.revision.version}.`);
      draw(result);
    },
    [draw, notify],
  );

  const onDeleted = useCallback(
    (result: EditResult) => {
      const links = result.removedRelationships.length;
      const lastLive = result.revision.version - 1;
      if (result.entity === 'node') selectNode(null);
      else setSelectedEdge(null);
      draw(result);
      notify(
        `Deleted ${whatOf(result)}${links ? ` and ${links} link(s)` : ''}; its history is kept.`,
        'info',
        lastLive >= 1
          ? {
              label: 'Restore',
              run: () =>
                void api
                  .restore(result.entity, result.id, lastLive, 'undo delete')
                  .then((r) => {
                    onRestored(r);
                    if (r.entity === 'node') selectNode(r.id);
                  })
                  .catch(onError),
            }
          : undefined,
      );
    },
    [draw, notify, onError, onRestored, selectNode],
  );

  return {
    form,
    openForm: setForm,
    closeForm: useCallback(() => setForm(null), []),
    linkFrom,
    startLink: useCallback((from: string) => setLinkFrom(endOf(from)), [endOf]),
    cancelLink,
    takeNodeClick,
    selectedEdge,
    selectEdge: setSelectedEdge,
    reading,
    read: useCallback((source: Source, excerpt: string | null | undefined) => setReading({ source, excerpt }), []),
    closeReader: useCallback(() => setReading(null), []),
    version,
    onSaved,
    onDeleted,
    onRestored,
  };
}
