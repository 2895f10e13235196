/**
 * The server's API as typed functions. Every call checks `response.ok` and turns the server's
 * `{error:{code,message,details}}` into an ApiError, so a refusal reaches the user as words.
 */
import type {
  Health,
  InducedSubgraph,
  Neighbourhood,
  NodeDetails,
  PathInfo,
  PathsResponse,
  QueryResult,
  SearchHit as WireSearchHit,
  SchemaInfo,
  SearchResponse,
  SourceRef,
  DamagedFile,
} from '../../../server/model/wire.ts';
import type { ParamSpec, QuerySummary } from '../../../server/model/query-spec.ts';
import type { Workspace, WorkspaceSummary } from '../../../server/model/workspace.ts';

export type { ParamSpec, QuerySummary, Workspace, WorkspaceSummary };

// the answers' types are the server's own (server/model/wire.ts), imported as types only
export type {
  DamagedFile,
  Health,
  InducedSubgraph,
  Neighbourhood,
  SchemaInfo,
  NodeDetails,
  PathInfo,
  PathsResponse,
  QueryResult,
};
/** A search hit; `match` is '' for one the client makes itself (to open a node it knows by id). */
export type SearchHit = Omit<WireSearchHit, 'match'> & { match: WireSearchHit['match'] | '' };
/** a cited document, as node details list it */
export type Source = SourceRef;

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * Sent with every call. The server refuses unsafe requests that lack it and carry neither JSON nor
 * an Origin of its own, and every multipart upload without it: a page on another origin cannot
 * add a custom header without a CORS preflight, which the server never grants.
 */
export const REQUEST_HEADERS = { 'X-Scamnet-Request': '1' } as const;

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { 'content-type': 'application/json', ...REQUEST_HEADERS, ...init?.headers },
    });
  } catch (error) {
    throw new ApiError(
      'network',
      `the server did not answer (${error instanceof Error ? error.message : String(error)})`,
      0,
    );
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* a non-JSON body is reported below */
  }
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiError(
      error?.code ?? 'http_error',
      error?.message ?? `the server answered ${response.status}`,
      response.status,
      error?.details,
    );
  }
  if (body === null && text)
    throw new ApiError('bad_response', 'the server sent something that is not JSON', response.status);
  return body as T;
}

const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });
const qs = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(params)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString();

export const api = {
  health: () => call<Health>('/api/health'),
  schema: () => call<SchemaInfo>('/api/schema'),
  search: (q: string, limit = 12) => call<SearchResponse>(`/api/search?${qs({ q, limit })}`),
  node: (id: string) => call<NodeDetails>(`/api/nodes/${encodeURIComponent(id)}`),
  neighbours: (id: string, options: { relKinds?: string[]; kinds?: string[]; limit?: number; depth?: number } = {}) =>
    call<Neighbourhood>(
      `/api/nodes/${encodeURIComponent(id)}/neighbors?${qs({
        depth: options.depth ?? 1,
        limit: options.limit,
        relKinds: options.relKinds?.join(','),
        kinds: options.kinds?.join(','),
      })}`,
    ),
  paths: (from: string, to: string, maxHops = 6) => call<PathsResponse>(`/api/paths?${qs({ from, to, maxHops })}`),
  subgraph: (ids: string[]) => call<InducedSubgraph>('/api/subgraph', post({ ids })),
  queries: () => call<{ queries: QuerySummary[]; damaged: DamagedFile[] }>('/api/queries'),
  runQuery: (name: string, params: Record<string, unknown>) =>
    call<QueryResult>(`/api/queries/${encodeURIComponent(name)}/run`, post({ params })),
  cypher: (query: string, params: Record<string, unknown> = {}) =>
    call<QueryResult>('/api/cypher', post({ query, params })),
  workspaces: () => call<{ workspaces: WorkspaceSummary[]; damaged: DamagedFile[] }>('/api/workspaces'),
  workspace: (name: string) => call<Workspace>(`/api/workspaces/${encodeURIComponent(name)}`),
  saveWorkspace: (
    name: string,
    body: Omit<Workspace, 'name' | 'savedAt' | 'owner' | 'shared'> & { shared?: boolean },
  ) => call<Workspace>(`/api/workspaces/${encodeURIComponent(name)}`, { method: 'PUT', body: JSON.stringify(body) }),
};
