/**
 * The parameters a Cypher text uses (its `$names`), each with a guess at its type from how the
 * text uses it and what it is called — the declarations the editor's "save as a query" form
 * starts from, and the fields it offers for running the text. The analyst corrects the guesses;
 * the server checks the result as for any saved query.
 */
import { NODE_KIND_NAMES, nodeKindNamed, type NodeKind } from '../../../../server/model/kinds.ts';
import type { ParamSpec } from '../../../../server/model/query-spec.ts';

interface Use {
  name: string;
  /** where the `$` is in the text */
  at: number;
}

/**
 * Every `$name` outside strings, comments and backquoted names, in order, with where it is. A
 * `$` inside 'quotes' is text, not a parameter.
 */
export function parameterUses(text: string): Use[] {
  const uses: Use[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      i++;
      while (i < text.length && text[i] !== c) i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '$') {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1));
      if (match) uses.push({ name: match[0], at: i });
      i += 1 + (match?.[0].length ?? 0);
    } else i++;
  }
  return uses;
}

/** The distinct names, in the order the text first uses them. */
export function parameterNamesOf(text: string): string[] {
  return [...new Set(parameterUses(text).map((u) => u.name))];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The kind a variable is bound to in a pattern, `(c:Centre` or `(c:Centre {…`. */
function kindOfVariable(text: string, variable: string): NodeKind | undefined {
  const bound = new RegExp(`\\(\\s*${escape(variable)}\\s*:\\s*\`?([A-Za-z]+)`).exec(text);
  return NODE_KIND_NAMES.find((k) => k === bound?.[1]);
}

/** What the text around each use says of a parameter: an id (and of which kind), a list, a count. */
function usage(text: string, name: string): { id: boolean; kind?: NodeKind; list: boolean; count: boolean } {
  const p = `\\$${escape(name)}(?![A-Za-z0-9_])`;
  let id = false;
  let kind: NodeKind | undefined;
  // (c:Centre {id: $x}) — the pattern's label is the kind
  const inPattern = new RegExp(`\\(\\s*\\w*\\s*:\\s*\`?([A-Za-z]+)\`?\\s*\\{[^}]*\\bid\\s*:\\s*${p}`).exec(text);
  if (inPattern) {
    id = true;
    kind = NODE_KIND_NAMES.find((k) => k === inPattern[1]);
  }
  // {id: $x} on an unlabelled node
  if (new RegExp(`\\{[^}]*\\bid\\s*:\\s*${p}`).test(text)) id = true;
  // c.id = $x, c.id IN $x, $x = c.id
  const compared =
    new RegExp(`\\b(\\w+)\\.id\\s*(?:=|IN)\\s*${p}`, 'i').exec(text) ??
    new RegExp(`${p}\\s*=\\s*(\\w+)\\.id\\b`).exec(text);
  if (compared?.[1]) {
    id = true;
    kind ??= kindOfVariable(text, compared[1]);
  }
  const list =
    new RegExp(`\\bIN\\s*${p}`, 'i').test(text) ||
    new RegExp(`\\b(?:any|all|none|single)\\s*\\(\\s*\\w+\\s+IN\\s+${p}`, 'i').test(text);
  const count =
    new RegExp(`\\b(?:LIMIT|SKIP)\\s+${p}`, 'i').test(text) || new RegExp(`\\*\\s*\\d*\\s*\\.\\.\\s*${p}`).test(text);
  return { id, kind, list, count };
}

const INTEGER_NAME =
  /^(limit|skip|top|count|n|k|hops|depth|min|max)$|^(min|max|top)[A-Z_]|(Count|Hops|Limit|Depth|Min|Max|Size|Number)$/;
const NUMBER_NAME = /^(share|ratio|weight|score|threshold)$|(Share|Ratio|Weight|Score|Threshold)$/;
const DATE_NAME =
  /^(date|day|since|until|before|after|from|to|start|end)$|(Date|Day|Since|Until|Before|After|From|To)$/;
const BOOLEAN_NAME = /^(is|has|only|include)[A-Z_]|^(synthetic|active|only)$/;

/** A guess at one parameter's declaration from the text that uses it. */
export function guessParam(text: string, name: string): ParamSpec {
  const use = usage(text, name);
  const named = nodeKindNamed(name);
  const base: Omit<ParamSpec, 'type'> = { name, required: true, description: '' };
  if (use.count) return { ...base, type: 'integer' };
  if (use.id || named) {
    const kind = use.kind ?? named;
    return { ...base, type: use.list ? 'list<id>' : 'id', ...(kind ? { kind } : {}) };
  }
  const type = INTEGER_NAME.test(name)
    ? 'integer'
    : NUMBER_NAME.test(name)
      ? 'number'
      : DATE_NAME.test(name)
        ? 'date'
        : BOOLEAN_NAME.test(name)
          ? 'boolean'
          : 'string';
  return { ...base, type: use.list ? `list<${type}>` : type };
}

/**
 * The declarations for a text: one per `$name` it uses, in order. A name already declared in
 * `previous` (the analyst may have corrected its guess) keeps that declaration; a name the text
 * no longer uses is dropped.
 */
export function detectParams(text: string, previous: readonly ParamSpec[] = []): ParamSpec[] {
  const kept = new Map(previous.map((p) => [p.name, p]));
  return parameterNamesOf(text).map((name) => kept.get(name) ?? guessParam(text, name));
}

/** A query name from a title: lower-case letters, digits and -, 2 to 64 characters, as the server wants. */
export function queryNameOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^[^a-z]+/, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug.length >= 2 ? slug : '';
}
