/**
 * Who a CLI run on the local data dir acts as: the machine's operator, who can read the store's
 * files anyway, so every permission and every marking; named after the OS account so exports and
 * the audit trail say who.
 */
import { userInfo } from 'node:os';
import { fullActor, type Actor } from '../model/access.ts';

export function operatorActor(): Actor {
  let name = 'operator';
  try {
    name = userInfo().username || name;
  } catch {
    /* no passwd entry (some containers): the generic name */
  }
  return fullActor(name, 'operator');
}
