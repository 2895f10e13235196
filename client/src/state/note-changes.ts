/**
 * Bumped whenever this page adds, changes or deletes a note, so whatever shows notes elsewhere
 * (the canvas markers) asks again.
 */
import { changeCounter } from './change-counter.ts';

export const noteChanges = changeCounter();
