/** The notices under the canvas: at most four, info ones fading after a while, errors staying. */
export interface Notice {
  id: number;
  text: string;
  kind: 'error' | 'info';
  action?: { label: string; run(): void };
}

const KEEP = 4;
export const INFO_MS = 8000;

export class NoticeStore {
  private notices: Notice[] = [];
  private next = 0;
  private readonly listeners = new Set<() => void>();

  /** `later` is the clock for fading info notices (injected so tests need no real timer). */
  constructor(private readonly later: (run: () => void, ms: number) => void = (run, ms) => void setTimeout(run, ms)) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): Notice[] => this.notices;

  notify = (text: string, kind: Notice['kind'] = 'info', action?: Notice['action']): void => {
    const id = ++this.next;
    this.set([...this.notices.slice(-(KEEP - 1)), { id, text, kind, ...(action ? { action } : {}) }]);
    if (kind === 'info') this.later(() => this.dismiss(id), INFO_MS);
  };

  dismiss = (id: number): void => {
    if (this.notices.some((n) => n.id === id)) this.set(this.notices.filter((n) => n.id !== id));
  };

  private set(notices: Notice[]): void {
    this.notices = notices;
    for (const listener of this.listeners) listener();
  }
}

/**
 * The text of an error for a notice: an API error with its code; a refusal for want of a
 * permission says so first, with the permission the server named (its 403 `details.permission`).
 */
export function errorText(
  error: unknown,
  isApiError: (e: unknown) => e is Error & { code: string; details?: unknown },
): string {
  if (isApiError(error) && error.code === 'forbidden') {
    const permission = (error.details as { permission?: unknown } | null | undefined)?.permission;
    const named = typeof permission === 'string' && !error.message.includes(permission) ? ` (needs ${permission})` : '';
    return `Not allowed: ${error.message}${named}`;
  }
  if (isApiError(error)) return `${error.message} (${error.code})`;
  return error instanceof Error ? error.message : String(error);
}
