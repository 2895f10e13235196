/**
 * Turning a query's declared parameters into form fields and the form's text back into typed
 * values (types as the library declares them: string, integer, number, boolean, date, id, or
 * list<…> of one), so the server's own validation sees numbers as numbers and lists as lists.
 */
import type { ParamSpec } from '../../../../server/model/query-spec.ts';

export function initialValues(params: ParamSpec[], preset: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(
    params.map((p) => [
      p.name,
      preset[p.name] ??
        (p.default === undefined || p.default === null
          ? ''
          : Array.isArray(p.default)
            ? p.default.join(', ')
            : String(p.default)),
    ]),
  );
}

/** The form's text as a value of the declared type (text that is not one is sent as it is, for the server to refuse in words). */
export function convert(type: string, text: string): unknown {
  const list = /^list<(.+)>$/.exec(type);
  if (list) {
    return text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => convert(list[1] ?? 'string', s));
  }
  if (type === 'integer' || type === 'number')
    return text.trim() === '' || Number.isNaN(Number(text)) ? text : Number(text);
  if (type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  return text;
}

/** The parameters to send: empty optional fields are left out so the query's defaults apply. */
export function toParams(params: ParamSpec[], values: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of params) {
    const text = values[p.name] ?? '';
    if (text.trim() === '' && !p.required) continue;
    out[p.name] = convert(p.type, text);
  }
  return out;
}

// the result table's cells are read in result-cells.ts, which knows paths and the result's graph
export { cellText } from './result-cells.ts';
