/** The page's graph session and its current snapshot; the session lives as long as the page. */
import { useState, useSyncExternalStore } from 'react';
import { GraphSession, type SessionSnapshot } from '../state/graph-session.ts';

export function useGraphSession(): [GraphSession, SessionSnapshot] {
  const [session] = useState(() => new GraphSession());
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  return [session, snapshot];
}
