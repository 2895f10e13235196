/**
 * STIX 2.1 bundle for OpenCTI and MISP. Each node becomes the nearest STIX object (the table in
 * server/model/stix-vocabulary.ts and the README), each relationship a `relationship`. Every object
 * carries its TLP 2.0 marking definition (object_marking_refs; the official definitions are in the
 * bundle), `confidence` from the Admiralty credibility, the grade's halves as
 * `x_scamnet_reliability`/`x_scamnet_credibility`, and the documents it cites as
 * `external_references`. The whole scamnet record travels in `x_scamnet_properties`, so this
 * tool's import reads the bundle back to the same graph; the manifest is a `note` about the
 * exported objects.
 *
 * The graph arrives already filtered and redacted for the recipient (run-export.ts): nothing
 * withheld is here to write, and a citation of a withheld source reads `withheld`.
 */
import { tlpRank, type Tlp } from '../../model/provenance.ts';
import {
  PRODUCER_ID,
  REGION_OV,
  SECTOR_OF_TYPE,
  STIX_TYPE_OF_KIND,
  THREAT_ACTOR_ROLE,
  X,
  confidenceOf,
  relationshipType,
  stixId,
  tlpMarkingDefinition,
  TLP_MARKING_IDS,
  uuidV5,
} from '../../model/stix-vocabulary.ts';
import type { JsonValue, SerializedEdge, SerializedNode } from '../../store/types.ts';
import type { ExportContext, ExportFile, SourceDocument } from '../context.ts';
import { manifestSummary } from '../manifest.ts';
import { WITHHELD } from '../redact.ts';
import { exportFileType } from '../../model/export-formats.ts';

type StixObject = Record<string, unknown>;
type Attributes = Record<string, JsonValue>;

/** A scamnet date (YYYY-MM-DD) as a STIX timestamp. */
const timestamp = (date: string) => `${date}T00:00:00.000Z`;
/** A Source's publication date, as precise as known (YYYY, YYYY-MM or YYYY-MM-DD), as a STIX timestamp. */
function publishedTimestamp(published: string): string {
  const [y, m = '01', d = '01'] = published.split('-');
  return `${y}-${m}-${d}T00:00:00.000Z`;
}

/** The STIX type of a node: a Region whose hub has no region-ov value cannot be a location. */
export function stixTypeOf(node: SerializedNode): string {
  const kind = String(node.attributes.kind);
  if (kind === 'Region' && !REGION_OV[String(node.attributes.label).toLowerCase()]) return 'x-scamnet-region';
  return STIX_TYPE_OF_KIND[kind] ?? `x-scamnet-${kind.toLowerCase()}`;
}

function externalReferences(
  sourceIds: JsonValue | undefined,
  documents: Map<string, SourceDocument>,
): StixObject[] | undefined {
  if (!Array.isArray(sourceIds) || sourceIds.length === 0) return undefined;
  return sourceIds.map((id) => {
    const cited = String(id);
    if (cited === WITHHELD) return { source_name: WITHHELD, description: 'a source marked above the recipient’s TLP' };
    const doc = documents.get(cited);
    if (!doc) return { source_name: cited, external_id: cited };
    const said = [doc.publisher, doc.published].filter(Boolean).join(', ');
    return {
      source_name: doc.name,
      external_id: doc.id,
      ...(said ? { description: said } : {}),
      ...(doc.url ? { url: doc.url } : {}),
    };
  });
}

/** What every object has: markings, grade, confidence, sources and the scamnet record. */
function common(
  type: string,
  key: string,
  attributes: Attributes,
  exportedAt: string,
  documents: Map<string, SourceDocument>,
): StixObject {
  // label is the drawing name (a copy of name), not a property
  const { kind, label: _label, ...properties } = attributes;
  const grade = String(attributes.grade ?? '');
  const confidence = confidenceOf(grade);
  const refs = externalReferences(attributes.sourceIds, documents);
  return {
    type,
    spec_version: '2.1',
    id: stixId(type, key),
    created_by_ref: PRODUCER_ID,
    created: exportedAt,
    modified: exportedAt,
    ...(confidence !== undefined ? { confidence } : {}),
    ...(attributes.synthetic === true ? { labels: ['synthetic'] } : {}),
    ...(refs ? { external_references: refs } : {}),
    object_marking_refs: [TLP_MARKING_IDS[attributes.tlp as Tlp]],
    [X.kind]: kind,
    [X.id]: key,
    ...(grade ? { [X.reliability]: grade[0], [X.credibility]: grade[1] } : {}),
    [X.properties]: properties,
  };
}

/** The STIX fields each kind fills from its own properties (the domain fields of its STIX type). */
function domainFields(type: string, node: SerializedNode, citedBy: Map<string, string[]>): StixObject {
  const a = node.attributes;
  const name = String(a.label ?? node.key);
  const description = typeof a.description === 'string' ? { description: a.description } : {};
  const seen = {
    ...(typeof a.firstSeen === 'string' ? { first_seen: timestamp(a.firstSeen) } : {}),
    ...(typeof a.lastSeen === 'string' ? { last_seen: timestamp(a.lastSeen) } : {}),
  };
  const aliases = Array.isArray(a.aliases) && a.aliases.length > 0 ? { aliases: a.aliases } : {};
  switch (type) {
    case 'location': {
      const place = a.kind === 'Country' ? { country: a.iso2 } : { region: REGION_OV[name.toLowerCase()] };
      // STIX wants both coordinates or neither
      const at = typeof a.lat === 'number' && typeof a.lng === 'number' ? { latitude: a.lat, longitude: a.lng } : {};
      return { name, ...description, ...place, ...at };
    }
    case 'infrastructure':
      return { name, ...description, ...aliases, ...seen };
    case 'threat-actor':
      return {
        name,
        ...description,
        ...aliases,
        threat_actor_types: ['criminal'],
        roles: [THREAT_ACTOR_ROLE[String(a.role)] ?? 'agent'],
        ...seen,
      };
    case 'attack-pattern':
      return {
        name,
        ...description,
        ...aliases,
        ...(a.kind === 'Method'
          ? { kill_chain_phases: [{ kill_chain_name: 'scamnet-trafficking', phase_name: String(a.stage) }] }
          : {}),
      };
    case 'identity':
      return {
        name,
        ...description,
        identity_class: 'organization',
        ...(SECTOR_OF_TYPE[String(a.type)] ? { sectors: [SECTOR_OF_TYPE[String(a.type)]] } : {}),
      };
    case 'report':
      // a report must refer to something: the objects citing the document, else the producer
      return {
        name,
        ...description,
        report_types: ['threat-report'],
        published: publishedTimestamp(String(a.published)),
        object_refs: citedBy.get(node.key) ?? [PRODUCER_ID],
      };
    default:
      return { name, ...description };
  }
}

function producer(exportedAt: string): StixObject {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: PRODUCER_ID,
    created: exportedAt,
    modified: exportedAt,
    name: 'scamnet',
    identity_class: 'system',
    description: 'the link-analysis tool that wrote this bundle',
    // every object carries a marking (issue 15): the tool's name is public
    object_marking_refs: [TLP_MARKING_IDS.CLEAR],
  };
}

function relationship(
  edge: SerializedEdge,
  idOf: Map<string, string>,
  exportedAt: string,
  documents: Map<string, SourceDocument>,
): StixObject {
  const a = edge.attributes;
  return {
    ...common('relationship', edge.key, a, exportedAt, documents),
    relationship_type: relationshipType(String(a.kind)),
    source_ref: idOf.get(edge.source),
    target_ref: idOf.get(edge.target),
  };
}

export async function writeStix(ctx: ExportContext): Promise<ExportFile> {
  const { graph, manifest } = ctx;
  const at = manifest.exportedAt;
  const documents = new Map((await ctx.sources()).map((d) => [d.id, d]));
  const idOf = new Map(graph.nodes.map((n) => [n.key, stixId(stixTypeOf(n), n.key)]));
  // which exported objects cite each Source (sourceIds, or a REPORTED_IN link): the report's object_refs
  const citedBy = new Map<string, string[]>();
  const cite = (source: string, by: string | undefined) => {
    if (!by || !idOf.has(source)) return;
    const list = citedBy.get(source) ?? [];
    if (!list.includes(by)) list.push(by);
    citedBy.set(source, list);
  };
  for (const n of graph.nodes)
    for (const s of Array.isArray(n.attributes.sourceIds) ? n.attributes.sourceIds : [])
      cite(String(s), idOf.get(n.key));
  for (const e of graph.edges) {
    if (e.attributes.kind === 'REPORTED_IN') cite(e.target, idOf.get(e.source));
    for (const s of Array.isArray(e.attributes.sourceIds) ? e.attributes.sourceIds : [])
      cite(String(s), stixId('relationship', e.key));
  }

  const objects: StixObject[] = [];
  const used = new Set<Tlp>();
  for (const node of graph.nodes) {
    const type = stixTypeOf(node);
    objects.push({ ...common(type, node.key, node.attributes, at, documents), ...domainFields(type, node, citedBy) });
    used.add(node.attributes.tlp as Tlp);
  }
  for (const edge of graph.edges) {
    objects.push(relationship(edge, idOf, at, documents));
    used.add(edge.attributes.tlp as Tlp);
  }
  const highest = manifest.highestTlp;
  used.add(highest);
  used.add('CLEAR'); // the producer's marking
  const note: StixObject = {
    type: 'note',
    spec_version: '2.1',
    id: `note--${uuidV5(`manifest|${manifest.dataVersion}|${at}`)}`,
    created_by_ref: PRODUCER_ID,
    created: at,
    modified: at,
    abstract: manifest.title,
    content: manifestSummary(manifest),
    // a note must be about something: the exported objects, else the producer
    object_refs: objects.length > 0 ? objects.map((o) => o.id) : [PRODUCER_ID],
    object_marking_refs: [TLP_MARKING_IDS[highest]],
    [X.manifest]: manifest,
  };
  const markings = [...used].sort((a, b) => tlpRank(a) - tlpRank(b)).map(tlpMarkingDefinition);
  const bundle = {
    type: 'bundle',
    id: `bundle--${uuidV5(`bundle|${manifest.dataVersion}|${at}`)}`,
    objects: [...markings, producer(at), note, ...objects],
  };
  return {
    body: Buffer.from(`${JSON.stringify(bundle, null, 2)}\n`),
    ...exportFileType('stix'),
  };
}
