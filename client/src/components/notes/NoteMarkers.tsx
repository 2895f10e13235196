/** The canvas's note markers (useNoteMarkers), refreshed when the graph or any note on this page changes. Renders nothing. */
import { useSyncExternalStore } from 'react';
import type { DataGraph } from '../../core/graph/data-graph.ts';
import { noteChanges } from '../../state/note-changes.ts';
import type { SigmaInstance } from '../canvas/sigma-instance.ts';
import { useNotedNodes, useNoteMarkers } from './useNoteMarkers.ts';

interface Props {
  sigma: SigmaInstance | null;
  graph: DataGraph;
  version: number;
  onError(error: unknown): void;
}

export function NoteMarkers({ sigma, graph, version, onError }: Props) {
  const revision = useSyncExternalStore(noteChanges.subscribe, noteChanges.getSnapshot);
  const noted = useNotedNodes(graph, version, revision, onError);
  useNoteMarkers(sigma, noted);
  return null;
}
