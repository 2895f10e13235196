/** Which notes a target shows, the markings a writer may give, who may change a note. */
import { describe, expect, it } from 'vitest';
import type { Note } from '../../../../server/model/notes.ts';
import { countByNode, mayChange, notesOn, tlpChoices } from '../../../src/core/notes/notes.ts';

const note = (id: string, target: Note['target'], author = 'ana', createdAt = '2026-01-01T00:00:00Z'): Note => ({
  id,
  target,
  text: 'x',
  tlp: 'GREEN',
  author,
  createdAt,
  updatedAt: createdAt,
  version: 1,
});

describe('notes', () => {
  it('shows the notes of exactly the target, oldest first', () => {
    const notes = [
      note('n3', { type: 'node', id: 'centre:a' }, 'ana', '2026-01-03T00:00:00Z'),
      note('n1', { type: 'node', id: 'centre:a' }, 'ana', '2026-01-01T00:00:00Z'),
      note('n2', { type: 'node', id: 'centre:b' }),
      note('n4', { type: 'relationship', id: 'centre:a' }),
      note('n5', { type: 'workspace', id: 'centre:a' }),
    ];
    expect(notesOn(notes, { type: 'node', id: 'centre:a' }).map((n) => n.id)).toEqual(['n1', 'n3']);
    expect(notesOn(notes, { type: 'workspace', id: 'centre:a' }).map((n) => n.id)).toEqual(['n5']);
  });

  it('offers markings up to the writer’s clearance and none above', () => {
    expect(tlpChoices('CLEAR')).toEqual(['CLEAR']);
    expect(tlpChoices('AMBER')).toEqual(['CLEAR', 'GREEN', 'AMBER']);
    expect(tlpChoices('RED')).toEqual(['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED']);
  });

  it('lets the author and an admin change a note, no one else', () => {
    const n = note('n1', { type: 'node', id: 'centre:a' }, 'ana');
    expect(mayChange(n, { name: 'ana', role: 'analyst' })).toBe(true);
    expect(mayChange(n, { name: 'bob', role: 'analyst' })).toBe(false);
    expect(mayChange(n, { name: 'root', role: 'admin' })).toBe(true);
    expect(mayChange(n, { name: 'vera', role: 'viewer' })).toBe(false);
  });

  it('counts notes per node, leaving out links and charts', () => {
    const counts = countByNode([
      note('n1', { type: 'node', id: 'centre:a' }),
      note('n2', { type: 'node', id: 'centre:a' }),
      note('n3', { type: 'node', id: 'centre:b' }),
      note('n4', { type: 'relationship', id: 'centre:c' }),
      note('n5', { type: 'workspace', id: 'w' }),
    ]);
    expect([...counts]).toEqual([
      ['centre:a', 2],
      ['centre:b', 1],
    ]);
  });
});
