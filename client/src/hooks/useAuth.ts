/** The signed-in account for the components below the sign-in gate, and what it may do. */
import { createContext, useContext } from 'react';
import type { Actor, Permission } from '../api/client.ts';
import { deniedReason } from '../core/access/denied.ts';

export interface AuthContextValue {
  actor: Actor;
  /** started with AUTH=off: no accounts, everyone is everything */
  authOff: boolean;
  signOut(): Promise<void>;
}

/** With no gate above (tests of single components), everything is allowed, as under AUTH=off. */
const OPEN: AuthContextValue = {
  actor: { name: 'anonymous', role: 'admin', clearance: 'RED', rawCypher: true, via: 'auth-off' },
  authOff: true,
  signOut: () => Promise.resolve(),
};

export const AuthContext = createContext<AuthContextValue>(OPEN);

export function useAuth(): AuthContextValue & { denied(permission: Permission): string | null } {
  const value = useContext(AuthContext);
  return { ...value, denied: (permission) => deniedReason(value.actor, permission) };
}
