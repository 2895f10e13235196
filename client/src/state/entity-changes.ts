/**
 * Bumped when this page changed entities on the server (a merge or its undo), so views that read
 * an entity's details from the server (the details panel) read them again.
 */
import { changeCounter } from './change-counter.ts';

export const entityChanges = changeCounter();
