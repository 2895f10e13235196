/** The notices store for the page, its list, and an error handler that turns an error into a notice. */
import { useCallback, useState, useSyncExternalStore } from 'react';
import { ApiError } from '../api/client.ts';
import { errorText, NoticeStore, type Notice } from '../state/notices.ts';

const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

export function useNotices(): { store: NoticeStore; notices: Notice[]; onError(error: unknown): void } {
  const [store] = useState(() => new NoticeStore());
  const notices = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const onError = useCallback((error: unknown) => store.notify(errorText(error, isApiError), 'error'), [store]);
  return { store, notices, onError };
}
