/**
 * The queries panel's work, kept outside the panel so that switching tabs and back finds it as
 * it was left: the library query chosen and its form (with the entities picked for id
 * parameters), the Cypher editor's text and the parameters detected in it, the draft of saving
 * it as a query, and the last result. A plain store with `subscribe`, tested in node.
 */
import type { ParamSpec, QuerySummary } from '../../../server/model/query-spec.ts';
import type { QueryResult } from '../../../server/model/wire.ts';
import { detectParams } from '../core/query/cypher-params.ts';
import { initialValues } from '../core/query/param-form.ts';

/** An entity picked for an id parameter: its id is the value, its label what the field shows. */
export interface Picked {
  id: string;
  label: string;
}

/** A form of parameters: the text of each field and the entities picked. */
export interface ParamForm {
  values: Record<string, string>;
  picked: Record<string, Picked>;
}

/** Saving the editor's Cypher as a query: what the analyst has filled in so far. */
export interface SaveDraft {
  name: string;
  title: string;
  description: string;
  /** true when the name is one of the analyst's saved queries: the save is a new version of it */
  update: boolean;
}

export interface QueryWork {
  adHoc: boolean;
  mode: 'replace' | 'add';
  /** the library query chosen ('' for none) and its form */
  name: string;
  library: ParamForm;
  /** the editor's text, the parameters it declares (detected, then corrected) and their form */
  text: string;
  params: ParamSpec[];
  cypher: ParamForm;
  /** the saved query (and version) the editor's text was opened from, if any */
  openedFrom: { name: string; version: number | null } | null;
  draft: SaveDraft | null;
  result: QueryResult | null;
  /** links the panel fetched among a result of nodes only */
  linksAdded: number;
  refusal: string | null;
  /** the opening from elsewhere (its nonce) already taken in, so a return to the tab does not redo it */
  takenNonce: number | null;
  /** the library as fetched again after a save (App's list is from start-up) */
  queries: QuerySummary[] | null;
}

export const EXAMPLE_CYPHER =
  'MATCH (c:Country)-[t:TRAFFICKED_TO]->(centre:Centre)\nWHERE t.victims > 50\nRETURN c, t, centre LIMIT 50';

const EMPTY_FORM: ParamForm = { values: {}, picked: {} };

export const INITIAL_WORK: QueryWork = {
  adHoc: false,
  mode: 'add',
  name: '',
  library: EMPTY_FORM,
  text: EXAMPLE_CYPHER,
  params: [],
  cypher: EMPTY_FORM,
  openedFrom: null,
  draft: null,
  result: null,
  linksAdded: 0,
  refusal: null,
  takenNonce: null,
  queries: null,
};

/** A library query chosen: its form from its defaults (and presets), the last result cleared. */
export function chooseQuery(
  work: QueryWork,
  query: QuerySummary | undefined,
  name: string,
  preset: Record<string, string> = {},
): QueryWork {
  return {
    ...work,
    adHoc: false,
    name,
    library: { values: query ? initialValues(query.params, preset) : {}, picked: {} },
    result: null,
    linksAdded: 0,
    refusal: null,
  };
}

/**
 * The editor's text changed: its parameters detected again (corrected declarations kept for the
 * names still used), fields for new ones from their defaults, values of dropped ones let go.
 */
export function editText(work: QueryWork, text: string): QueryWork {
  const params = detectParams(text, work.params);
  const fresh = initialValues(params);
  const values = Object.fromEntries(params.map((p) => [p.name, work.cypher.values[p.name] ?? fresh[p.name] ?? '']));
  const picked = Object.fromEntries(
    Object.entries(work.cypher.picked).filter(([name]) => params.some((p) => p.name === name)),
  );
  return { ...work, text, params, cypher: { values, picked } };
}

/** One parameter's declaration corrected by the analyst (its type, kind, required, default). */
export function editParam(work: QueryWork, name: string, change: Partial<ParamSpec>): QueryWork {
  const params = work.params.map((p) => {
    if (p.name !== name) return p;
    const next = { ...p, ...change };
    // a kind only restricts parameters that take ids; a required one has no default
    if (next.type !== 'id' && next.type !== 'list<id>') delete next.kind;
    if (next.required) delete next.default;
    return next;
  });
  return { ...work, params };
}

/** A field of one of the two forms changed: its text, and the entity picked (null: typed, not picked). */
export function editField(
  work: QueryWork,
  form: 'library' | 'cypher',
  name: string,
  value: string,
  picked: Picked | null,
): QueryWork {
  const current = work[form];
  const { [name]: _dropped, ...others } = current.picked;
  return {
    ...work,
    [form]: { values: { ...current.values, [name]: value }, picked: picked ? { ...others, [name]: picked } : others },
  };
}

/** A saved query's text opened in the editor (to run or save again): its declarations come with it. */
export function openInEditor(
  work: QueryWork,
  query: { name: string; title: string; description: string; params: ParamSpec[]; query: string; version?: number },
): QueryWork {
  const opened = editText({ ...work, params: query.params, cypher: EMPTY_FORM }, query.query);
  return {
    ...opened,
    adHoc: true,
    openedFrom: { name: query.name, version: query.version ?? null },
    draft: null,
    refusal: null,
  };
}

/** The save form opened: from the query the text came from when there is one (a new version), else blank. */
export function startDraft(work: QueryWork, saved: readonly QuerySummary[]): QueryWork {
  const from = work.openedFrom && saved.find((q) => q.name === work.openedFrom?.name && !q.builtin);
  return {
    ...work,
    params: detectParams(work.text, work.params),
    draft: from
      ? { name: from.name, title: from.title, description: from.description, update: true }
      : { name: '', title: '', description: '', update: false },
  };
}

/** The body the server takes to save the editor's text (POST for a new query, PUT for a version). */
export function saveBody(work: QueryWork): {
  name: string;
  title: string;
  description: string;
  params: ParamSpec[];
  query: string;
} {
  const draft = work.draft ?? { name: '', title: '', description: '' };
  return {
    name: draft.name,
    title: draft.title.trim(),
    description: draft.description,
    params: work.params,
    query: work.text,
  };
}

export class QueryWorkStore {
  private work: QueryWork;
  private readonly listeners = new Set<() => void>();

  constructor(initial: QueryWork = INITIAL_WORK) {
    this.work = initial;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): QueryWork => this.work;

  /** The next state from the current one (one of the functions above, or a patch). */
  update = (change: Partial<QueryWork> | ((work: QueryWork) => QueryWork)): void => {
    this.work = typeof change === 'function' ? change(this.work) : { ...this.work, ...change };
    for (const listener of this.listeners) listener();
  };
}
