/**
 * The view in the URL, so a link reopens the same picture: the node ids on the canvas, the view
 * mode, the selection and the filters. Positions are not in the URL (a workspace keeps those);
 * a shared link lays the same nodes out again.
 */
import { NO_FILTERS, type Filters } from '../filters/filters.ts';
import { TLP_LEVELS, type Tlp } from '../filters/markings.ts';

/** the timeline shows the network picture above a time axis of its dated items */
export type ViewMode = 'network' | 'routes' | 'timeline';
const VIEWS: readonly ViewMode[] = ['network', 'routes', 'timeline'];

export interface UrlState {
  nodes: string[];
  view: ViewMode;
  selected: string | null;
  filters: Filters;
  hub: string | null;
}

// Node ids never hold commas (kind prefix, letters, digits, - and :), so a comma separates them.
const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);
const joined = (items: string[]) => items.join(',');

export function readUrlState(search: string): UrlState {
  const p = new URLSearchParams(search);
  const tlp = p.get('tlp');
  const grade = p.get('grade');
  const date = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
  return {
    nodes: list(p.get('nodes')),
    view: VIEWS.find((v) => v === p.get('view')) ?? 'network',
    selected: p.get('selected') || null,
    hub: p.get('hub') || null,
    filters: {
      ...NO_FILTERS,
      hiddenKinds: list(p.get('hideKinds')),
      hiddenRelKinds: list(p.get('hideRels')),
      minGrade: grade && /^[A-F][1-6]$/.test(grade) ? grade : null,
      tlpCeiling: tlp && (TLP_LEVELS as readonly string[]).includes(tlp) ? (tlp as Tlp) : null,
      from: date(p.get('from')),
      to: date(p.get('to')),
      fade: p.get('fade') === '1',
    },
  };
}

export function writeUrlState(state: UrlState): string {
  const p = new URLSearchParams();
  const add = (key: string, value: string | null | undefined) => {
    if (value) p.set(key, value);
  };
  add('nodes', joined(state.nodes));
  if (state.view !== 'network') add('view', state.view);
  add('selected', state.selected);
  add('hub', state.hub);
  add('hideKinds', joined(state.filters.hiddenKinds));
  add('hideRels', joined(state.filters.hiddenRelKinds));
  add('grade', state.filters.minGrade);
  add('tlp', state.filters.tlpCeiling);
  add('from', state.filters.from);
  add('to', state.filters.to);
  if (state.filters.fade) add('fade', '1');
  // commas and colons are safe in a query string and keep shared links readable
  const text = p.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
  return text ? `?${text}` : '';
}
