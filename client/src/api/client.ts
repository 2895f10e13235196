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
  ConnectingPair,
  ConnectingResponse,
} from '../../../server/model/wire.ts';
import type { ParamSpec, QuerySummary } from '../../../server/model/query-spec.ts';
import type { Workspace, WorkspaceSummary } from '../../../server/model/workspace.ts';
import type { Actor, Permission, Role } from '../../../server/model/access.ts';
import type { AuditEvent } from '../../../server/model/audit.ts';
import type { Tlp } from '../../../server/model/markings.ts';
import type { ExpansionOrder, NeighbourCounts } from '../../../server/model/expansion.ts';
import type {
  EditResult,
  EntityPatch,
  History,
  NodeCreate,
  Revision,
  RelationshipCreate,
} from '../../../server/model/changes.ts';
import type { RelationshipDetails } from '../../../server/model/wire.ts';
import type { Note, NoteCreate, NoteFind, NoteList, NotePatch, NoteTarget } from '../../../server/model/notes.ts';
import type {
  MergePreview,
  MergeProperty,
  MergeRequest,
  MergeResult,
  MergeSuggestions,
} from '../../../server/model/merge.ts';

export type { Actor, AuditEvent, Permission, Role, Tlp };

export type { ParamSpec, QuerySummary, Workspace, WorkspaceSummary };
export type { Note, NoteCreate, NoteFind, NotePatch, NoteTarget };
export type { MergePreview, MergeProperty, MergeRequest, MergeResult, MergeSuggestions };

// the answers' types are the server's own (server/model/wire.ts), imported as types only
export type {
  ConnectingPair,
  ConnectingResponse,
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
    /** seconds until a refused request may be tried again (429's Retry-After), when the server says */
    readonly retryAfter: number | null = null,
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

/**
 * Told when the server answers 401 to a call made while signed in: the session ended (signed out
 * elsewhere, expired, the account disabled). The sign-in gate listens and shows the sign-in page.
 * The calls that ask whether anyone is signed in (me, sign-in) are not mid-session and do not tell.
 */
const sessionEndedListeners = new Set<() => void>();
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}
// a wrong current password is a 401 too, and must not throw the user out
const ASKS_WHO = new Set(['/api/auth/me', '/api/auth/sign-in', '/api/auth/options', '/api/auth/password']);
/** For fetches made outside `call` (downloads, uploads): a 401 there ends the session the same way. */
export function reportStatus(path: string, status: number): void {
  if (status === 401 && !ASKS_WHO.has(path)) for (const listener of sessionEndedListeners) listener();
}

/** The ApiError for a failed answer: the server's code and words, and when to retry if it says. */
export async function errorOf(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON: the status is reported */
  }
  return apiError(response, body);
}

function apiError(response: Response, body: unknown): ApiError {
  const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  const retry = Number(response.headers.get('retry-after'));
  return new ApiError(
    error?.code ?? 'http_error',
    error?.message ?? `the server answered ${response.status}`,
    response.status,
    error?.details,
    Number.isFinite(retry) && retry > 0 ? retry : null,
  );
}

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
    reportStatus(path.split('?')[0] ?? path, response.status);
    throw apiError(response, body);
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

/** The neighbours endpoint's query: a page of `limit - 1` neighbours from `offset`, in `order` (issue 14). */
export interface NeighboursOptions {
  relKinds?: string[];
  kinds?: string[];
  limit?: number;
  depth?: number;
  order?: ExpansionOrder;
  offset?: number;
}
export type { ExpansionOrder, NeighbourCounts };

export const api = {
  health: () => call<Health>('/api/health'),
  schema: () => call<SchemaInfo>('/api/schema'),
  search: (q: string, limit = 12) => call<SearchResponse>(`/api/search?${qs({ q, limit })}`),
  node: (id: string) => call<NodeDetails>(`/api/nodes/${encodeURIComponent(id)}`),
  neighbours: (id: string, options: NeighboursOptions = {}) =>
    call<Neighbourhood>(
      `/api/nodes/${encodeURIComponent(id)}/neighbors?${qs({
        depth: options.depth ?? 1,
        limit: options.limit,
        relKinds: options.relKinds?.join(','),
        kinds: options.kinds?.join(','),
        order: options.order,
        offset: options.offset || undefined,
      })}`,
    ),
  /** what expanding a node would bring, counted per kind (the expand-all preview) */
  neighbourCounts: (id: string, options: { relKinds?: string[]; kinds?: string[] } = {}) =>
    call<NeighbourCounts>(
      `/api/nodes/${encodeURIComponent(id)}/neighbors/counts?${qs({
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
  // --- accounts (server/api/auth, server/api/users) -------------------------------------------
  authOptions: () => call<AuthOptions>('/api/auth/options'),
  me: () => call<Me>('/api/auth/me'),
  signIn: (name: string, password: string) => call<SignedIn>('/api/auth/sign-in', post({ name, password })),
  signOut: () => call<null>('/api/auth/sign-out', { method: 'POST' }),
  changePassword: (currentPassword: string, newPassword: string) =>
    call<null>('/api/auth/password', post({ ...(currentPassword ? { currentPassword } : {}), newPassword })),
  users: () => call<{ users: UserSummary[] }>('/api/users'),
  /** without a password the server makes one and answers it, once */
  addUser: (user: NewUser) => call<{ user: UserSummary; password?: string }>('/api/users', post(user)),
  changeUser: (name: string, change: UserChange) =>
    call<UserSummary>(`/api/users/${encodeURIComponent(name)}`, { method: 'PATCH', body: JSON.stringify(change) }),
  createToken: (name: string, label?: string) =>
    call<{ id: string; token: string }>(`/api/users/${encodeURIComponent(name)}/tokens`, post(label ? { label } : {})),
  revokeToken: (name: string, id: string) =>
    call<null>(`/api/users/${encodeURIComponent(name)}/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  // --- the audit trail (server/api/audit) ---------------------------------------------------------
  audit: (filters: AuditFilters) =>
    call<{ entries: AuditEvent[]; truncated: boolean }>(`/api/audit?${auditQuery(filters)}`),
  // --- queries an analyst can use: the entity picker, saving Cypher, versions (server/api/queries) ---
  /** entities of these kinds (any when none) whose names or aliases match, for an id parameter's picker */
  searchKinds: (q: string, kinds: readonly string[], limit = 10) =>
    call<SearchResponse>(`/api/search?${qs({ q, limit, kinds: kinds.join(',') })}`),
  query: (name: string, version?: number) =>
    call<QueryDetail>(`/api/queries/${encodeURIComponent(name)}?${qs({ version })}`),
  queryVersions: (name: string) =>
    call<{ name: string; versions: QueryVersion[] }>(`/api/queries/${encodeURIComponent(name)}/versions`),
  /** a new query (POST), or a new version of one of the analyst's own (PUT) */
  saveQuery: (body: SavedQueryBody, update: boolean) =>
    update
      ? call<QueryDetail>(`/api/queries/${encodeURIComponent(body.name)}`, {
          method: 'PUT',
          body: JSON.stringify(body),
        })
      : call<QueryDetail>('/api/queries', post(body)),
  // --- analysis: the connecting network of several nodes (server/api/paths) -------------------------
  connecting: (ids: readonly string[], maxHops: number) =>
    call<ConnectingResponse>('/api/paths/connecting', post({ ids, maxHops })),
  // --- notes and merging duplicates (server/api/notes, server/api/merge; issue 13) --------------
  findNotes: (find: Partial<NoteFind>) => call<NoteList>('/api/notes/find', post(find)),
  addNote: (note: NoteCreate) => call<Note>('/api/notes', post(note)),
  changeNote: (id: string, patch: NotePatch) =>
    call<Note>(`/api/notes/${encodeURIComponent(id)}`, { method: 'PATCH', body: JSON.stringify(patch) }),
  deleteNote: (id: string) => call<unknown>(`/api/notes/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  mergeSuggestions: (kind?: string) => call<MergeSuggestions>(`/api/merge/suggestions?${qs({ kind })}`),
  mergePreview: (request: MergeRequestBody) => call<MergePreview>('/api/merge/preview', post(request)),
  merge: (request: MergeRequestBody) => call<MergeResult>('/api/merge', post(request)),
  undoMerge: (mergeId: string) => call<MergeResult>(`/api/merge/${encodeURIComponent(mergeId)}/undo`, post({})),
  // --- recording intelligence: editing entities and links, history, sources (issue 13, C) -------
  createNode: (body: NodeCreate) => call<EditResult>('/api/nodes', post(body)),
  createRelationship: (body: RelationshipCreate) => call<EditResult>('/api/relationships', post(body)),
  patchEntity: (entity: EditedEntity, id: string, patch: EntityPatch) =>
    call<EditResult>(`${entityPath(entity, id)}`, { method: 'PATCH', body: JSON.stringify(patch) }),
  deleteEntity: (entity: EditedEntity, id: string) => call<EditResult>(entityPath(entity, id), { method: 'DELETE' }),
  history: (entity: EditedEntity, id: string) => call<History>(`${entityPath(entity, id)}/history`),
  restore: (entity: EditedEntity, id: string, version: number, comment?: string) =>
    call<EditResult>(`${entityPath(entity, id)}/restore`, post({ version, ...(comment ? { comment } : {}) })),
  relationship: (id: string) => call<RelationshipDetails>(entityPath('relationship', id)),
  sourceDocument: (id: string) => call<SourceDocument>(`/api/sources/${encodeURIComponent(id)}/document`),
};

export type { EditResult, EntityPatch, History, NodeCreate, Revision, RelationshipCreate };
export type EditedEntity = 'node' | 'relationship';
const entityPath = (entity: EditedEntity, id: string) =>
  `/api/${entity === 'node' ? 'nodes' : 'relationships'}/${encodeURIComponent(id)}`;
export type { RelationshipDetails };
/** GET /api/sources/:id/document: the text of the document a Source names. */
export interface SourceDocument {
  id: string;
  name: string;
  file: string;
  text: string;
}

/** One saved query as the server serves it: its declaration, its Cypher for the active store. */
export type QueryDetail = QuerySummary & { dialect: 'ladybug' | 'neo4j'; query: string; source: string };
export interface QueryVersion {
  version: number;
  savedAt: string;
  title: string;
}
export interface SavedQueryBody {
  name: string;
  title: string;
  description: string;
  params: ParamSpec[];
  query: string;
}

/** A merge request as sent: `choices` may be left out (the server's default is none). */
export type MergeRequestBody = Omit<MergeRequest, 'choices'> & { choices?: MergeRequest['choices'] };

/** The audit trail's filters, as the query string of /api/audit and /api/audit.csv. */
export interface AuditFilters {
  user?: string;
  action?: string;
  target?: string;
  from?: string;
  to?: string;
  limit?: number;
}
export const auditQuery = (filters: AuditFilters): string => qs({ ...filters });

export interface AuthOptions {
  local: boolean;
  oidc: boolean;
  authOff: boolean;
  /** the provider's name for the button, when the server gives one */
  oidcName?: string;
}
export interface SignedIn {
  actor: Actor;
  permissions: Permission[];
}
export interface Me extends SignedIn {
  authOff: boolean;
}
export interface TokenSummary {
  id: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
}
export interface UserSummary {
  name: string;
  role: Role;
  clearance: Tlp;
  rawCypher: boolean;
  disabled: boolean;
  /** false for an account that signs in only by a one-time link or OIDC */
  hasPassword?: boolean;
  createdAt?: string;
  tokens: TokenSummary[];
}
export interface NewUser {
  name: string;
  role: Role;
  clearance: Tlp;
  rawCypher: boolean;
  /** left out: the server generates one */
  password?: string;
}
export type UserChange = Partial<Pick<UserSummary, 'role' | 'clearance' | 'rawCypher' | 'disabled'>>;
