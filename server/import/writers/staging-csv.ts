/**
 * The validated staging file the embedded engine's `COPY FROM` reads: RFC 4180 quoting (the
 * engine is told `ESCAPE='"'`), columns in the table's own order, empty = null. Lists are written
 * in the engine's `[a,b]` syntax, which has no quoting of its own, so a record with a list element
 * the syntax cannot hold is not staged (the caller writes it with UNWIND instead).
 */
import type { PropertyDef } from '../../model/schema.ts';

const SAFE_ELEMENT = /^[^\s,[\]"'\\{}]+( [^\s,[\]"'\\{}]+)*$/;

export function stageable(values: Record<string, unknown>, props: PropertyDef[]): boolean {
  for (const p of props) {
    if (p.type !== 'STRING[]') continue;
    const list = values[p.name];
    if (Array.isArray(list) && !list.every((e) => typeof e === 'string' && SAFE_ELEMENT.test(e))) return false;
  }
  return true;
}

export function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

export function cellOf(value: unknown, type: PropertyDef['type']): string {
  if (value === null || value === undefined) return '';
  switch (type) {
    case 'STRING':
      return value === '' ? '' : quote(String(value));
    case 'STRING[]':
      return quote(`[${(value as string[]).join(',')}]`);
    case 'BOOLEAN':
      return value ? 'true' : 'false';
    default:
      return String(value);
  }
}

export function hasLineBreak(values: Record<string, unknown>, props: PropertyDef[]): boolean {
  return props.some(
    (p) => p.type === 'STRING' && typeof values[p.name] === 'string' && /[\r\n]/.test(values[p.name] as string),
  );
}
