/**
 * Who may do what: the roles, the permissions each grants, and the actor a request runs as.
 * Plain data with no zod, so the server (which enforces it) and the client (which hides what a
 * user may not do) read one table.
 *
 * Clearance is separate from role: a viewer cleared for RED sees more than an admin cleared for
 * GREEN. Everything marked above an actor's clearance is, for that actor, absent (README, "Access").
 */
import { TLP_LEVELS, tlpRank, type Tlp } from './markings.ts';

export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * One name per thing a route lets someone do. `public` routes (health, sign-in, the docs) need no
 * account; every other route names the one permission it needs.
 */
export const PERMISSIONS = [
  /** search, node details, neighbourhoods, paths, subgraphs, schema, running library queries */
  'graph:read',
  /** exports for briefings (recipient TLP capped at the clearance) */
  'export',
  /** list and open workspaces shared with everyone, and one's own */
  'workspaces:read',
  /** save, replace and delete one's own workspaces */
  'workspaces:write',
  /** bulk import */
  'import',
  /** add, edit, merge and delete entities and links (the chart-editing issue) */
  'graph:write',
  /** save, replace and delete one's own queries */
  'queries:write',
  /**
   * run Cypher the library did not write (ad hoc, or an analyst's saved query): granted per
   * account, and only honoured when the account's clearance is the highest marking in the store,
   * because no filter can hold back what a scalar computed from withheld items says
   */
  'cypher:raw',
  /** accounts and their API tokens */
  'users:manage',
  /** backups, restores and other settings of the running server */
  'settings:manage',
  /** read and export the audit trail */
  'audit:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const VIEWER: readonly Permission[] = ['graph:read', 'export', 'workspaces:read'];
const ANALYST: readonly Permission[] = [...VIEWER, 'workspaces:write', 'import', 'graph:write', 'queries:write'];
const ADMIN: readonly Permission[] = [...ANALYST, 'users:manage', 'settings:manage', 'audit:read'];

/** What each role grants. `cypher:raw` is never granted by a role alone: see Actor.rawCypher. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  viewer: VIEWER,
  analyst: ANALYST,
  admin: ADMIN,
};

/** How a request proved who it is. */
export type ActorVia = 'session' | 'token' | 'oidc' | 'operator' | 'auth-off';

/** The account a request runs as, as the server resolved it (never as the client claims). */
export interface Actor {
  name: string;
  role: Role;
  /** the highest TLP this actor may see */
  clearance: Tlp;
  /** granted `cypher:raw` (an account flag, set by an admin) */
  rawCypher: boolean;
  via: ActorVia;
}

/** Whether the actor's role (and, for raw Cypher, the account's own grant) allows the permission. */
export function can(actor: Actor, permission: Permission): boolean {
  if (permission === 'cypher:raw') return actor.rawCypher && ROLE_PERMISSIONS[actor.role].includes('queries:write');
  return ROLE_PERMISSIONS[actor.role].includes(permission);
}

/** The markings an actor cleared for `clearance` may see, least restricted first: `$visible` in queries. */
export function visibleTlps(clearance: Tlp): Tlp[] {
  return TLP_LEVELS.filter((t) => tlpRank(t) <= tlpRank(clearance));
}

/** Whether an item marked `tlp` (unmarked or unknown counts as RED) is visible at `clearance`. */
export function visibleAt(tlp: unknown, clearance: Tlp): boolean {
  return tlpRank(tlp) <= tlpRank(clearance);
}

/**
 * The actor of a server started with AUTH=off (loopback only) and of the machine's operator
 * running a CLI on the local data dir: every permission, every marking.
 */
export function fullActor(name: string, via: 'operator' | 'auth-off'): Actor {
  return { name, role: 'admin', clearance: 'RED', rawCypher: true, via };
}
