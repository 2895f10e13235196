/**
 * The route view at scale: what the map draws, derived from the data graph (only what the reader
 * was sent) and the view's state. Victim flows (TRAFFICKED_TO, origin country → centre) are
 * aggregated into one arrow per origin and destination, its width by the victims summed; the
 * centres of a country are one disc with their count until the country is opened (a click, or
 * zooming in until its centres have room). Zoomed out, origins are the countries' UN subregions
 * ("Western Africa", "South America"): at the world view neighbouring origin countries sit a few
 * pixels apart, so one arrow per country is a fan nobody can read; zoomed in, origins are the
 * countries themselves.
 *
 * Nothing here writes to the data graph: the map is a separate graph sigma draws in the route view.
 */
import type { DataGraph } from '../graph/data-graph.ts';
import type { NodeData } from '../graph/types.ts';
import { edgePasses, nodePasses, type Filters } from '../filters/filters.ts';
import { TLP_LEVELS, tlpRank } from '../filters/markings.ts';
import type { GeoPlacement } from './route-layout.ts';

export type OriginLevel = 'region' | 'country';

/** Camera ratio above which origins are regions (1 is the whole world framed). */
export const REGION_LEVEL_RATIO = 0.45;
/** On screen, opened centres sit at least this many pixels apart: a country opens on zoom when they would. */
export const OPEN_SPACING_PX = 18;
/** The widest spacing of opened centres, in graph units (a country with few centres stays compact). */
const MAX_SPACING = 3;

export const CLUSTER_PREFIX = 'cluster:';
export const ORIGIN_REGION_PREFIX = 'origin-region:';
export const AGGREGATE_PREFIX = 'flows:';
export const HUB_PREFIX = 'hub:';

export interface FlowMapOptions {
  filters: Filters;
  /** only this hub region's centres and the countries their victims came from */
  hub: string | null;
  level: OriginLevel;
  /** countries opened by a click: their centres are drawn one by one */
  opened: ReadonlySet<string>;
  /** graph units to screen pixels at the current zoom: countries whose centres have room open by themselves */
  pxPerUnit: number;
}

export type MapNodeRole = 'country' | 'origin-region' | 'hub' | 'cluster' | 'centre';

export interface MapNode {
  key: string;
  role: MapNodeRole;
  kind: string;
  label: string;
  x: number;
  y: number;
  /** the highest marking among what it stands for (a picture of the map is marked by it) */
  tlp: string;
  /** cluster: the country; centre: its country; origin-region and hub: null */
  country: string | null;
  /** cluster and hub: its centres; origin-region: its countries; otherwise the node itself */
  members: string[];
  /** cluster: the spacing its centres get when it opens (graph units) */
  spacing?: number;
}

export interface MapEdge {
  key: string;
  source: string;
  target: string;
  kind: 'TRAFFICKED_TO';
  victims: number;
  /** the data graph's TRAFFICKED_TO links it stands for */
  members: string[];
  /** flows among the members whose number of victims is not recorded */
  unknown: number;
  tlp: string;
  width: number;
}

export interface FlowMap {
  nodes: MapNode[];
  edges: MapEdge[];
  /** the countries whose centres are drawn one by one (opened by a click or by the zoom) */
  opened: Set<string>;
}

/**
 * Arrow width in screen pixels for a number of victims: logarithmic, so 10 and 100,000 victims
 * both read (a square root would make the largest South-East Asian aggregate 100 times the
 * smallest), and strictly growing, so a wider arrow always carries more victims.
 */
export function flowWidth(victims: number): number {
  return 1 + 2 * Math.log10(1 + Math.max(0, victims) / 10);
}

/** The legend's steps: victims and the width drawn for them. */
export const WIDTH_LEGEND = [10, 100, 1000, 10000].map((victims) => ({ victims, width: flowWidth(victims) }));

const GOLDEN_ANGLE = 2.399963229728653;

/** Where the i-th of a country's opened centres goes: a sunflower around the country's centroid. */
export function openedPosition(home: { x: number; y: number }, index: number, spacing: number) {
  const r = spacing * Math.sqrt(index + 0.5);
  const angle = index * GOLDEN_ANGLE;
  return { x: home.x + r * Math.cos(angle), y: home.y + r * Math.sin(angle) };
}

/**
 * A country's spacing between opened centres, in graph units: small enough that its sunflower
 * stays within 45% of the way to the nearest other country on the map, so opened countries never
 * spill onto their neighbours, and no wider than MAX_SPACING.
 */
export function spacingFor(count: number, room: number): number {
  return Math.min(MAX_SPACING, (0.45 * room) / Math.sqrt(count + 0.5));
}

/** Whether a country's centres have room on screen at this zoom. */
export function opensAtZoom(spacing: number, pxPerUnit: number): boolean {
  return spacing * pxPerUnit >= OPEN_SPACING_PX;
}

/** The zoom (graph units to pixels) at which a country opens by itself. */
export function zoomToOpen(spacing: number): number {
  return OPEN_SPACING_PX / spacing;
}

const maxTlp = (values: unknown[]): string => TLP_LEVELS[Math.max(0, ...values.map((v) => tlpRank(v)))] ?? 'CLEAR';

const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

interface Flow {
  id: string;
  origin: string;
  centre: string;
  country: string;
  victims: number | null;
  tlp: unknown;
}

function centreCountry(graph: DataGraph, centre: string): string | null {
  for (const e of graph.outEdges(centre)) {
    if (graph.getEdgeAttribute(e, 'kind') !== 'LOCATED_IN') continue;
    const target = graph.target(e);
    if (graph.getNodeAttribute(target, 'kind') === 'Country') return target;
  }
  return null;
}

/** The distance from each place to the nearest other one (graph units). */
function roomAround(places: Map<string, { x: number; y: number }>): Map<string, number> {
  const list = [...places];
  const room = new Map<string, number>();
  for (const [key, p] of list) {
    let nearest = Infinity;
    for (const [other, q] of list) if (other !== key) nearest = Math.min(nearest, Math.hypot(p.x - q.x, p.y - q.y));
    room.set(key, Number.isFinite(nearest) ? nearest : 40);
  }
  return room;
}

export function buildFlowMap(graph: DataGraph, geo: Map<string, GeoPlacement>, options: FlowMapOptions): FlowMap {
  const { filters, hub, level } = options;
  const passes = (node: string) => {
    const a = graph.getNodeAttributes(node);
    return !a.hiddenByUser && !a.inGroup && nodePasses(a, filters);
  };
  const home = (country: string) => geo.get(country) ?? null;
  // only for countries already found placed: their place is there
  const at = (country: string): GeoPlacement => {
    const p = geo.get(country);
    if (!p) throw new Error(`${country} has no place on the map`);
    return p;
  };

  // centres drawn: placed in a country on the map, in the hub when one is chosen, passing the filters
  const centresOf = new Map<string, string[]>();
  graph.forEachNode((key, a) => {
    if (a.kind !== 'Centre' || !passes(key)) return;
    const country = centreCountry(graph, key);
    const place = country ? home(country) : null;
    if (!country || !place || !passes(country)) return;
    if (hub && place.hub !== hub) return;
    const list = centresOf.get(country) ?? [];
    list.push(key);
    centresOf.set(country, list);
  });
  for (const list of centresOf.values()) list.sort();

  // flows drawn: into a drawn centre, from a placed origin country, passing the filters
  const flows: Flow[] = [];
  const countryOfCentre = new Map<string, string>();
  for (const [country, list] of centresOf) for (const c of list) countryOfCentre.set(c, country);
  graph.forEachEdge((id, a, source, target) => {
    if (a.kind !== 'TRAFFICKED_TO') return;
    const country = countryOfCentre.get(target);
    if (!country || !home(source) || !passes(source)) return;
    if (graph.getNodeAttribute(source, 'kind') !== 'Country' || !edgePasses(a, filters)) return;
    flows.push({
      id,
      origin: source,
      centre: target,
      country,
      victims: typeof a.victims === 'number' ? a.victims : null,
      tlp: a.tlp,
    });
  });

  // opened countries: by a click, or because the zoom gives their centres room
  const room = roomAround(
    new Map([...new Set([...centresOf.keys(), ...flows.map((f) => f.origin)])].map((c) => [c, at(c)])),
  );
  const spacing = new Map([...centresOf].map(([c, list]) => [c, spacingFor(list.length, room.get(c) ?? 40)]));
  const opened = new Set<string>();
  for (const [country, s] of spacing) {
    // a country with one centre has nothing to cluster: the centre is drawn itself
    const one = centresOf.get(country)?.length === 1;
    if (one || options.opened.has(country) || opensAtZoom(s, options.pxPerUnit)) opened.add(country);
  }

  const nodes = new Map<string, MapNode>();
  const attrs = (key: string): NodeData => graph.getNodeAttributes(key);
  const addCountry = (country: string) => {
    if (nodes.has(country)) return;
    const p = at(country);
    const a = attrs(country);
    nodes.set(country, {
      key: country,
      role: 'country',
      kind: 'Country',
      label: a.label,
      x: p.x,
      y: p.y,
      tlp: maxTlp([a.tlp]),
      country,
      members: [country],
    });
  };

  // destinations: zoomed out, one disc per hub region (at the mean of its countries' places); else
  // a cluster per closed country (standing at the country's place), its centres when opened
  const destination = new Map<string, string>();
  const hubCountries = new Map<string, string[]>();
  if (level === 'region') {
    for (const country of centresOf.keys()) {
      const h = at(country).hub;
      if (h && !options.opened.has(country)) hubCountries.set(h, [...(hubCountries.get(h) ?? []), country]);
    }
  }
  for (const [h, countries] of hubCountries) {
    const key = HUB_PREFIX + h;
    const centres = countries.flatMap((c) => centresOf.get(c) ?? []);
    const places = countries.map(at);
    nodes.set(key, {
      key,
      role: 'hub',
      kind: 'Centre',
      label: `${h} · ${centres.length} ${centres.length === 1 ? 'centre' : 'centres'}`,
      x: places.reduce((sum, p) => sum + p.x, 0) / places.length,
      y: places.reduce((sum, p) => sum + p.y, 0) / places.length,
      tlp: maxTlp([...countries, ...centres].map((n) => attrs(n).tlp)),
      country: null,
      members: centres,
    });
    for (const centre of centres) destination.set(centre, key);
  }
  for (const [country, list] of centresOf) {
    const p = at(country);
    if (list.some((c) => destination.has(c))) continue;
    if (opened.has(country)) {
      addCountry(country);
      list.forEach((centre, i) => {
        const a = attrs(centre);
        nodes.set(centre, {
          key: centre,
          role: 'centre',
          kind: 'Centre',
          label: a.label,
          ...openedPosition(p, i, spacing.get(country) ?? MAX_SPACING),
          tlp: maxTlp([a.tlp]),
          country,
          members: [centre],
        });
        destination.set(centre, centre);
      });
    } else {
      const key = CLUSTER_PREFIX + country;
      nodes.set(key, {
        key,
        role: 'cluster',
        kind: 'Centre',
        label: `${attrs(country).label} · ${list.length} ${list.length === 1 ? 'centre' : 'centres'}`,
        x: p.x,
        y: p.y,
        // the country's own marking too: the disc stands at its place and names it
        tlp: maxTlp([attrs(country).tlp, ...list.map((c) => attrs(c).tlp)]),
        country,
        members: list,
        spacing: spacing.get(country) ?? MAX_SPACING,
      });
      for (const centre of list) destination.set(centre, key);
    }
  }

  // origins: the country, or its subregion when zoomed out (a country whose centres are drawn
  // closed stands in its cluster: flows from it start there)
  const regionOf = (country: string): string => {
    const a = attrs(country);
    return str(a.subregion) ?? str(a.region) ?? a.label;
  };
  const origin = new Map<string, string>();
  const regionMembers = new Map<string, string[]>();
  for (const f of flows) {
    if (origin.has(f.origin)) continue;
    if (level === 'region') {
      const key = ORIGIN_REGION_PREFIX + regionOf(f.origin);
      origin.set(f.origin, key);
      regionMembers.set(key, [...(regionMembers.get(key) ?? []), f.origin]);
    } else if (centresOf.has(f.origin) && !opened.has(f.origin)) {
      origin.set(f.origin, CLUSTER_PREFIX + f.origin);
    } else {
      addCountry(f.origin);
      origin.set(f.origin, f.origin);
    }
  }
  for (const [key, members] of regionMembers) {
    members.sort();
    const xs = members.map(at);
    nodes.set(key, {
      key,
      role: 'origin-region',
      kind: 'Country',
      label: key.slice(ORIGIN_REGION_PREFIX.length),
      x: xs.reduce((s, p) => s + p.x, 0) / xs.length,
      y: xs.reduce((s, p) => s + p.y, 0) / xs.length,
      tlp: maxTlp(members.map((m) => attrs(m).tlp)),
      country: null,
      members,
    });
  }

  // one arrow per origin and destination
  const edges = new Map<string, MapEdge>();
  for (const f of flows) {
    const source = origin.get(f.origin);
    const target = destination.get(f.centre);
    if (!source || !target) continue;
    const key = `${AGGREGATE_PREFIX}${source}>${target}`;
    const edge = edges.get(key) ?? {
      key,
      source,
      target,
      kind: 'TRAFFICKED_TO' as const,
      victims: 0,
      members: [],
      unknown: 0,
      tlp: 'CLEAR',
      width: 0,
    };
    edge.victims += f.victims ?? 0;
    if (f.victims === null) edge.unknown += 1;
    edge.members.push(f.id);
    edge.tlp = maxTlp([edge.tlp, f.tlp]);
    edges.set(key, edge);
  }
  for (const edge of edges.values()) {
    edge.width = flowWidth(edge.victims);
    edge.members.sort();
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], opened };
}
