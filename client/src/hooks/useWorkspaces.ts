/** Saving the canvas as a workspace and reopening one into the page. */
import { useCallback, useState } from 'react';
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
  /** the saved workspace the canvas is (last saved as or opened): its notes are the chart's */
  const [current, setCurrent] = useState<{ name: string; title: string } | null>(null);
  const save = useCallback(
    async (name: string, title: string, shared: boolean) => {
      const camera = sigma ? sigma.getCamera().getState() : null;
      await saveWorkspace(session, api, name, title, { view, filters, selected, camera, shared });
      setCurrent({ name, title });
      notify(shared ? `Saved “${title}”, shared with every reader.` : `Saved “${title}”, for you alone.`);
    },
    [session, sigma, view, filters, selected, notify],
  );
  const open = useCallback(
    async (name: string) => {
      const reopened = await openWorkspace(session, api, name);
      onReopened(reopened);
      setCurrent({ name, title: reopened.title });
      notify(`Opened “${reopened.title}”.`);
    },
    [session, onReopened, notify],
  );
  return { save, open, current };
}
