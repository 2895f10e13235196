import type { RawRead } from './read-files.ts';
export function readGraphml(name: string, _text: string): RawRead {
  return { records: [], issues: [{ file: name, line: 0, reason: 'not yet' }] };
}
export function readGexf(name: string, _text: string): RawRead {
  return { records: [], issues: [{ file: name, line: 0, reason: 'not yet' }] };
}
