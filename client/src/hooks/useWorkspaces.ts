/** Saving the canvas as a workspace and reopening one into the page. */
import { useCallback } from 'react';
import { api } from '../api/client.ts';
import type { SigmaInstance } from '../components/GraphCanvas.tsx';
import type { GraphSession } from '../state/graph-session.ts';
import { openWorkspace, saveWorkspace, type Reopened, type ViewState } from '../state/workspace.ts';

interface Options extends ViewState {
  sigma: SigmaInstance | null;
  notify(text: string): void;
  /** the page takes the view, filters, selection and camera the workspace was saved with */
  onReopened(reopened: Reopened): void;
}

export function useWorkspaces(session: GraphSession, options: Options) {
  const { sigma, view, filters, selected, notify, onReopened } = options;
  const save = useCallback(
    async (name: string, title: string, shared: boolean) => {
      const camera = sigma ? sigma.getCamera().getState() : null;
      await saveWorkspace(session, api, name, title, { view, filters, selected, camera, shared });
      notify(shared ? `Saved “${title}”, shared with every reader.` : `Saved “${title}”, for you alone.`);
    },
    [session, sigma, view, filters, selected, notify],
  );
  const open = useCallback(
    async (name: string) => {
      const reopened = await openWorkspace(session, api, name);
      onReopened(reopened);
      notify(`Opened “${reopened.title}”.`);
    },
    [session, onReopened, notify],
  );
  return { save, open };
}
