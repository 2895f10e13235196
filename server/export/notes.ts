/**
 * Analysts' notes in exports: the notes on the exported nodes and links, and only those marked
 * within the recipient's TLP. The graph they ride on is already filtered for the recipient, so a
 * note on a withheld item cannot come along; a note above the recipient's TLP is left out without
 * a trace (no id, no count: the manifest counts withheld entities and links, never notes).
 *
 * Each format carries them its own way: the briefing a Notes table, GEXF and GraphML a `notes`
 * text attribute, JSON a `notes` list of objects, ANX a card per note. The others (CSV, Cypher,
 * STIX, XLSX) carry the graph only.
 */
import { visibleAt } from '../model/access.ts';
import type { Note } from '../model/notes.ts';
import type { Tlp } from '../model/markings.ts';
import type { NoteStore } from '../notes/note-store.ts';
import type { SerializedGraph } from '../store/types.ts';
import { cleanText } from './clean-text.ts';

/** a type, not an interface: it travels as a JSON attribute value */
export type ExportNote = {
  id: string;
  text: string;
  tlp: Tlp;
  author: string;
  createdAt: string;
  updatedAt: string;
};

export interface ExportNotes {
  /** by node key, oldest first */
  nodes: ReadonlyMap<string, ExportNote[]>;
  /** by link key, oldest first */
  edges: ReadonlyMap<string, ExportNote[]>;
}

export const NO_NOTES: ExportNotes = { nodes: new Map(), edges: new Map() };

/**
 * XML readers turn a line break inside an attribute value into a space (attribute-value
 * normalisation), and xml-text.ts writes it raw. The writers that put notes in attributes (GEXF's
 * attvalue, ANX's Card@Text) write this character for each break and turn it into `&#10;` in the
 * finished text (xmlAttributeBreaks); it is removed from notes' own text first.
 */
export const XML_BREAK = '\uE000';

/** The finished XML with every XML_BREAK written as a character reference to a line break. */
export function xmlAttributeBreaks(xml: string): string {
  return xml.replaceAll(XML_BREAK, '&#10;');
}

/** The note's text with line breaks as XML_BREAK (for an XML attribute value). */
export function forXmlAttribute(text: string): string {
  return text.replace(/\r\n?|\n/g, XML_BREAK);
}

const exported = (n: Note): ExportNote => ({
  id: n.id,
  text: cleanText(n.text).replaceAll(XML_BREAK, ''),
  tlp: n.tlp,
  author: cleanText(n.author),
  createdAt: n.createdAt,
  updatedAt: n.updatedAt,
});

/** The notes on the graph's nodes and links marked at most `recipientTlp`. */
export async function exportNotes(
  notes: NoteStore | undefined,
  graph: SerializedGraph,
  recipientTlp: Tlp,
): Promise<ExportNotes> {
  if (!notes) return NO_NOTES;
  const nodeKeys = new Set(graph.nodes.map((n) => n.key));
  const edgeKeys = new Set(graph.edges.map((e) => e.key));
  const nodes = new Map<string, ExportNote[]>();
  const edges = new Map<string, ExportNote[]>();
  const all = (await notes.all())
    .filter((n) => visibleAt(n.tlp, recipientTlp))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  for (const note of all) {
    const { type, id } = note.target;
    const into =
      type === 'node' && nodeKeys.has(id) ? nodes : type === 'relationship' && edgeKeys.has(id) ? edges : null;
    if (into) into.set(id, [...(into.get(id) ?? []), exported(note)]);
  }
  return { nodes, edges };
}

/** Every exported note, for the highest marking of the file. */
export function allNotes(notes: ExportNotes): ExportNote[] {
  return [...notes.nodes.values(), ...notes.edges.values()].flat();
}

/** One note as plain text: its marking, author and date, then its text. */
export function noteLine(note: ExportNote): string {
  return `[TLP:${note.tlp}] ${note.author}, ${note.updatedAt.slice(0, 10)}: ${note.text}`;
}

/** The notes of an item as one text value (blank line between notes), for the XML formats' `notes` attribute. */
export function notesText(list: readonly ExportNote[]): string {
  return list.map(noteLine).join('\n\n');
}

/**
 * The graph with a `notes` attribute on each noted item: text (GraphML; `attribute text` for GEXF, whose values are XML attributes: see XML_BREAK) or the list of notes (JSON). Only the writers that carry notes call this, so
 * the data version and the other formats are not changed by notes.
 */
export function withNotes(
  graph: SerializedGraph,
  notes: ExportNotes,
  as: 'text' | 'attribute text' | 'list',
): SerializedGraph {
  const value = (list: ExportNote[]) =>
    as === 'list' ? list.map((n) => ({ ...n })) : as === 'text' ? notesText(list) : forXmlAttribute(notesText(list));
  return {
    nodes: graph.nodes.map((n) => {
      const list = notes.nodes.get(n.key);
      return list ? { ...n, attributes: { ...n.attributes, notes: value(list) } } : n;
    }),
    edges: graph.edges.map((e) => {
      const list = notes.edges.get(e.key);
      return list ? { ...e, attributes: { ...e.attributes, notes: value(list) } } : e;
    }),
  };
}

/** The briefing's Notes table: one row per note, what it is on named as the reader sees it, entities first. */
export function noteRows(
  graph: SerializedGraph,
  notes: ExportNotes,
  labelOf: ReadonlyMap<string, string>,
): Array<{ on: string; note: ExportNote }> {
  const rows: Array<{ on: string; note: ExportNote }> = [];
  for (const node of graph.nodes)
    for (const note of notes.nodes.get(node.key) ?? []) rows.push({ on: node.attributes.label, note });
  for (const edge of graph.edges) {
    const on = `${labelOf.get(edge.source) ?? edge.source} ${edge.attributes.kind} ${labelOf.get(edge.target) ?? edge.target}`;
    for (const note of notes.edges.get(edge.key) ?? []) rows.push({ on, note });
  }
  return rows;
}
