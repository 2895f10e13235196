import type { RawRead } from './read-files.ts';
export async function readXlsx(name: string, _bytes: Buffer): Promise<RawRead> {
  return { records: [], issues: [{ file: name, line: 0, reason: 'XLSX import is not written yet' }] };
}
