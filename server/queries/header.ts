/**
 * Reads and writes the header of a `.cypher` file: comment lines at the top that describe the
 * query, so one file runs as it is in Neo4j Browser and also tells scamnet how to run it.
 *
 *   // name: routes-from-country
 *   // title: Routes out of a victim country
 *   // description: Routes that start in a country, where they pass and end,
 *   //   and what else they carry (indented lines continue the field).
 *   // param: country | id | required | the origin country, e.g. country:PH
 *   // param: limit | integer | default 50 | most routes
 *   // returns: one row per route …
 *
 * A parameter of type id named for a node kind (`country` above) takes entities of that kind.
 */
import { parameterNames } from '../cypher/lexer.ts';
import { ParamSpec, specIssues, withNamedKind } from './params.ts';
import { AppError } from '../errors.ts';

export interface QueryHeader {
  name: string;
  title: string;
  description: string;
  params: ParamSpec[];
  returns: string;
}

export class HeaderError extends AppError {
  constructor(readonly issues: string[]) {
    super('invalid_query_header', issues.join('; '), { issues });
    this.name = 'HeaderError';
  }
}

export const QUERY_NAME = /^[a-z][a-z0-9-]{1,63}$/;
const FIELDS = ['name', 'title', 'description', 'returns'] as const;

function parseParam(line: string, issues: string[]): ParamSpec | undefined {
  const [name = '', type = '', presence = '', ...rest] = line.split('|').map((part) => part.trim());
  const required = presence === 'required';
  let fallback: unknown;
  if (!required) {
    const match = /^default\s+(.+)$/.exec(presence);
    if (!match) {
      issues.push(`param ${name}: the third field is "required" or "default <JSON value>"`);
      return undefined;
    }
    try {
      fallback = JSON.parse(match[1] ?? '');
    } catch {
      issues.push(`param ${name}: default ${match[1]} is not JSON (quote strings: default "C3")`);
      return undefined;
    }
  }
  const parsed = ParamSpec.safeParse({ name, type, required, default: fallback, description: rest.join('|') });
  if (!parsed.success) {
    issues.push(`param ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join(', ')}`);
    return undefined;
  }
  issues.push(...specIssues(parsed.data));
  return withNamedKind(parsed.data);
}

/** Splits a file into its header and the Cypher below it, checking both against each other. */
/** `supplied`: parameters the runner sets itself (the library's `$visible`), used but never declared. */
export function parseQueryFile(
  text: string,
  expectedName?: string,
  supplied: readonly string[] = [],
): { header: QueryHeader; body: string } {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const fields: Record<string, string> = {};
  const params: ParamSpec[] = [];
  const issues: string[] = [];
  let last: string | undefined;
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line.startsWith('//')) break;
    const content = line.slice(2);
    const field = /^\s?(\w+):\s?(.*)$/.exec(content);
    if (field && !/^\s{2,}/.test(content)) {
      const [, key, value] = field as unknown as [string, string, string];
      last = key;
      if (key === 'param') {
        const spec = parseParam(value, issues);
        if (spec) params.push(spec);
      } else if ((FIELDS as readonly string[]).includes(key)) {
        fields[key] = value.trim();
      } else {
        issues.push(`unknown header field "${key}"`);
      }
    } else if (last && last !== 'param' && content.trim()) {
      fields[last] = `${fields[last]} ${content.trim()}`;
    }
  }
  const body = lines.slice(i).join('\n').trim();
  for (const key of FIELDS) if (!fields[key]) issues.push(`the header needs a "${key}:" line`);
  if (fields.name && !QUERY_NAME.test(fields.name))
    issues.push(`name "${fields.name}" must be lower-case letters, digits and -`);
  if (expectedName && fields.name && fields.name !== expectedName)
    issues.push(`name "${fields.name}" does not match the file name "${expectedName}"`);
  if (!body) issues.push('there is no Cypher below the header');
  issues.push(...parameterIssues(body, params, supplied));
  if (issues.length > 0) throw new HeaderError(issues);
  return {
    header: {
      // present: a missing field was an issue above
      name: fields.name ?? '',
      title: fields.title ?? '',
      description: fields.description ?? '',
      params,
      returns: fields.returns ?? '',
    },
    body,
  };
}

/**
 * Every parameter the Cypher uses must be declared, and every declared one used; a `supplied` one
 * (set by the runner) is used without a declaration, and may not be declared.
 */
export function parameterIssues(body: string, params: ParamSpec[], supplied: readonly string[] = []): string[] {
  const issues: string[] = [];
  let used: string[];
  try {
    used = parameterNames(body);
  } catch (error) {
    return [`the Cypher cannot be read: ${(error as Error).message}`];
  }
  const declared = new Set(params.map((p) => p.name));
  for (const name of supplied)
    if (declared.has(name)) issues.push(`param ${name} is set by the runner and may not be declared`);
  used = used.filter((name) => !supplied.includes(name));
  for (const name of used) if (!declared.has(name)) issues.push(`$${name} is used but not declared in a "param:" line`);
  for (const name of declared) if (!used.includes(name)) issues.push(`param ${name} is declared but not used`);
  if (declared.size !== params.length) issues.push('a parameter is declared twice');
  return issues;
}

/** The header as comment lines, for a query stored without one (analysts' own). */
export function formatHeader(header: QueryHeader): string {
  const param = (p: ParamSpec) =>
    `// param: ${p.name} | ${p.type} | ${p.required ? 'required' : `default ${JSON.stringify(p.default)}`} | ${p.description}`;
  // Every line of a multi-line field stays a comment: a continuation line, never a line of Cypher.
  const field = (key: string, value: string) =>
    value
      .split(/\r\n|\r|\n/)
      .map((line, i) => (i === 0 ? `// ${key}: ${line}` : `//   ${line}`))
      .join('\n');
  return [
    field('name', header.name),
    field('title', header.title),
    field('description', header.description),
    ...header.params.map(param),
    field('returns', header.returns),
  ].join('\n');
}
