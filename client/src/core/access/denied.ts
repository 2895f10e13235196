/**
 * Why a control is off for this user: the permission it needs, named as the server would name it
 * in its 403. The server enforces; this only spares the user a refusal they could have seen coming.
 */
import { can, type Actor, type Permission } from '../../../../server/model/access.ts';

/** null when the actor may; otherwise the words for the control's tooltip. */
export function deniedReason(actor: Actor, permission: Permission): string | null {
  if (can(actor, permission)) return null;
  if (permission === 'cypher:raw')
    return actor.role === 'viewer'
      ? `Needs the cypher:raw permission: an analyst's or admin's account with raw Cypher granted (you are a viewer)`
      : 'Needs the cypher:raw permission, which an admin grants per account (Users panel)';
  return `Needs the ${permission} permission (your role, ${actor.role}, does not have it)`;
}
