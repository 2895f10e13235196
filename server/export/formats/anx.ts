/**
 * i2 Analyst's Notebook exchange XML (ANX), written as text (xml-text.ts, which escapes every `&`:
 * xmlbuilder2, used before, left `&amp; Co` and `R&D;` as they were).
 *
 * IBM's ANX schema itself was not available to check against here. The element and attribute
 * names follow two public ANX writers, which their authors open in Analyst's Notebook:
 * - Portland Police Bureau's SQL example (GitHub, "produce anx files" by J. Miller, 2024):
 *   Chart@IdReferenceLinking/@Rigorous; StrengthCollection/Strength@Id,@Name,@DotStyle;
 *   AttributeClassCollection/AttributeClass@Id,@Name,@Type (AttText, AttNumber, AttTime, AttFlag);
 *   EntityTypeCollection/EntityType@Id,@Name,@IconFile,@PreferredRepresentation;
 *   LinkTypeCollection/LinkType@Id,@Name,@Colour; ChartItemCollection/ChartItem@Label,@DateSet,
 *   @DateTime,@SourceType,@SourceReference with End/Entity@Identity,@EntityId/Icon/IconStyle@Type
 *   or Link@End1Id,@End2Id/LinkStyle@Strength,@Type,@ArrowStyle; AttributeCollection/Attribute
 *   @AttributeClassReference,@Value; Summary/FieldCollection/Field@Field,@Type and
 *   CustomPropertyCollection/CustomProperty@Name,@Type,@Value.
 * - A Python ANX builder (ET-based, "ANB 9+"): End@X,@Y,@Z for positions, ChartItem@Id,
 *   @Description, @GradeOneIndex/@GradeTwoIndex into GradeOne/GradeTwo StringCollection/String
 *   @Id,@Text, LinkStyle@LineColour (a Windows COLORREF, blue-green-red).
 * Assumed, not verified in Analyst's Notebook: grade indexes count from 0, and the icon names
 * below exist in the standard i2 icon library (taken from those writers' examples, except Flag,
 * which is a guess; Analyst's Notebook shows its default icon for a name it does not know).
 */
import { propertyTypes } from '../../model/schema.ts';
import type { JsonValue } from '../../store/types.ts';
import type { ExportContext, ExportFile } from '../context.ts';
import { manifestSummary } from '../manifest.ts';
// i2 icon per kind: the domain model's presentation table
import { nodeStyle } from '../../model/presentation.ts';
import { edgeColour, kindColour, splitGrade } from '../style.ts';
import { exportFileType } from '../../model/export-formats.ts';
import { groupByMember } from '../groups.ts';
import { forXmlAttribute, xmlAttributeBreaks, type ExportNote } from '../notes.ts';
import { XmlText } from './xml-text.ts';

/** Admiralty reliability A–F and credibility 1–6, as i2's GradeOne and GradeTwo lists. */
export const GRADE_ONE = [
  'A - Completely reliable',
  'B - Usually reliable',
  'C - Fairly reliable',
  'D - Not usually reliable',
  'E - Unreliable',
  'F - Reliability cannot be judged',
];
export const GRADE_TWO = [
  '1 - Confirmed by other sources',
  '2 - Probably true',
  '3 - Possibly true',
  '4 - Doubtful',
  '5 - Improbable',
  '6 - Truth cannot be judged',
];

/** Link strength from credibility: 1-2 confirmed (solid), 3-4 unconfirmed (dashed), 5-6 tentative (dotted). */
export function strengthOf(grade: unknown): 'Confirmed' | 'Unconfirmed' | 'Tentative' {
  const split = splitGrade(grade);
  if (!split) return 'Tentative';
  return split.credibility <= 2 ? 'Confirmed' : split.credibility <= 4 ? 'Unconfirmed' : 'Tentative';
}

/** '#rrggbb' as a Windows COLORREF (blue << 16 | green << 8 | red). */
export function colorref(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return (b << 16) | (g << 8) | r;
}

function attType(property: string, value: JsonValue): string {
  const type = propertyTypes.get(property);
  if (type === 'INT64' || type === 'DOUBLE' || typeof value === 'number') return 'AttNumber';
  if (type === 'BOOLEAN' || typeof value === 'boolean') return 'AttFlag';
  if (type === 'DATE') return 'AttTime';
  return 'AttText';
}

function attValue(property: string, value: JsonValue): string {
  if (Array.isArray(value)) return value.map(String).join('; ');
  if (propertyTypes.get(property) === 'DATE' && typeof value === 'string') return `${value}T00:00:00`;
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

const SKIP = new Set(['kind', 'label']);
/** the attribute class a group's members carry its label in */
export const GROUP_ATTRIBUTE = 'Group';

function itemAttributes(attributes: Record<string, JsonValue>) {
  return Object.entries(attributes).filter(
    ([k, v]) => !SKIP.has(k) && v !== null && !(Array.isArray(v) && v.length === 0),
  );
}

function gradeIndexes(grade: unknown): Record<string, string> {
  const split = splitGrade(grade);
  if (!split) return {};
  return { GradeOneIndex: String(split.reliability.charCodeAt(0) - 65), GradeTwoIndex: String(split.credibility - 1) };
}

function dated(attributes: Record<string, JsonValue>): Record<string, string> {
  const day = attributes.date ?? attributes.firstSeen;
  return typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day)
    ? { DateSet: 'true', DateTime: `${day}T00:00:00` }
    : {};
}

function sourceRef(attributes: Record<string, JsonValue>): Record<string, string> {
  const ids = Array.isArray(attributes.sourceIds) ? attributes.sourceIds.map(String) : [];
  return {
    SourceType: attributes.synthetic === true ? 'Synthetic (illustrative)' : 'Open source',
    ...(ids.length > 0 ? { SourceReference: ids.join('; ') } : {}),
  };
}

/**
 * A chart item's Id is an xs:ID, so an NCName: no `:`, `>` or `/`, and not starting with a digit.
 * The scamnet id is encoded as XmlConvert.EncodeName does (`_xHHHH_` for every character outside
 * letters, digits, `.` and `-`, `_` included, so it decodes unambiguously) behind `N_` or `L_`;
 * the entity's Identity and EntityId, which links refer to, keep the scamnet id as it is.
 */
export function anxItemId(prefix: 'N' | 'L', key: string): string {
  return `${prefix}_${key.replace(/[^A-Za-z0-9.-]/gu, (c) => `_x${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}_`)}`;
}

export function writeAnx(ctx: ExportContext): ExportFile {
  const positions = ctx.positions();
  const { graph, manifest } = ctx;
  const classes = new Map<string, { id: string; type: string }>();
  // ANX has no construct for a group of chart items that we could check against a schema: each
  // member carries its group's label in a "Group" attribute, which Analyst's Notebook can list by
  const groupOf = groupByMember(ctx.groups ?? []);
  if (groupOf.size > 0) classes.set(GROUP_ATTRIBUTE, { id: 'ACGroup', type: 'AttText' });
  for (const item of [...graph.nodes, ...graph.edges]) {
    for (const [k, v] of itemAttributes(item.attributes))
      if (!classes.has(k)) classes.set(k, { id: `AC${classes.size + 1}`, type: attType(k, v) });
  }
  const nodeKinds = [...new Set(graph.nodes.map((n) => n.attributes.kind))].sort();
  const relKinds = [...new Set(graph.edges.map((e) => e.attributes.kind))].sort();

  const xml = new XmlText().start('Chart', { IdReferenceLinking: 'false', Rigorous: 'false' });
  xml.comment(` ${manifestSummary(manifest)} `);
  xml.start('StrengthCollection');
  xml.leaf('Strength', { Id: 'STConfirmed', Name: 'Confirmed', DotStyle: 'DotStyleSolid' });
  xml.leaf('Strength', { Id: 'STUnconfirmed', Name: 'Unconfirmed', DotStyle: 'DotStyleDashed' });
  xml.leaf('Strength', { Id: 'STTentative', Name: 'Tentative', DotStyle: 'DotStyleDotted' });
  xml.close();
  for (const [tag, texts] of [
    ['GradeOne', GRADE_ONE],
    ['GradeTwo', GRADE_TWO],
  ] as const) {
    xml.start(tag).start('StringCollection');
    texts.forEach((text, i) => xml.leaf('String', { Id: `${tag}${i}`, Text: text }));
    xml.close().close();
  }
  xml.start('AttributeClassCollection');
  for (const [name, c] of classes)
    xml.leaf('AttributeClass', { Id: c.id, Name: name, Type: c.type, ShowValue: 'true', Visible: 'false' });
  xml.close().start('EntityTypeCollection');
  for (const kind of nodeKinds) {
    xml.leaf('EntityType', {
      Id: `ET${kind}`,
      Name: kind,
      IconFile: nodeStyle(kind).i2Icon,
      PreferredRepresentation: 'RepresentAsIcon',
      IconShadingColour: String(colorref(kindColour(kind))),
    });
  }
  xml.close().start('LinkTypeCollection');
  for (const kind of relKinds)
    xml.leaf('LinkType', { Id: `LT${kind}`, Name: kind, Colour: String(colorref(edgeColour(kind))) });
  xml.close();

  xml.start('ChartItemCollection');
  /** the item's AttributeCollection, left open for what the caller adds (close it after) */
  const addAttributes = (attributes: Record<string, JsonValue>): void => {
    xml.start('AttributeCollection');
    for (const [k, v] of itemAttributes(attributes)) {
      // every attribute an item carries was given a class above; one without is not written
      const attributeClass = classes.get(k);
      if (attributeClass) xml.leaf('Attribute', { AttributeClassReference: attributeClass.id, Value: attValue(k, v) });
    }
  };
  // an analyst's note is an i2 card on the item it is about (Card@Summary,@Text,@DateTime as the
  // ANB 9 card collection has them; like the rest of this writer, not checked against IBM's schema)
  const addCards = (list: readonly ExportNote[] | undefined) => {
    if (!list || list.length === 0) return;
    xml.start('CardCollection');
    for (const note of list)
      xml.leaf('Card', {
        Summary: `Note by ${note.author} (TLP:${note.tlp})`,
        Text: forXmlAttribute(note.text),
        DateSet: 'true',
        DateTime: note.updatedAt.slice(0, 19),
        SourceType: 'Analyst note',
        SourceReference: note.id,
      });
    xml.close();
  };
  for (const node of graph.nodes) {
    const at = positions.get(node.key) ?? { x: 0, y: 0 };
    const a = node.attributes;
    xml.start('ChartItem', {
      Id: anxItemId('N', node.key),
      Label: String(a.label),
      Description: typeof a.description === 'string' ? a.description : `${a.kind} ${node.key}`,
      ...dated(a),
      ...sourceRef(a),
      ...gradeIndexes(a.grade),
    });
    xml
      .start('End', { X: String(Math.round(at.x * 10)), Y: String(Math.round(-at.y * 10)), Z: '0' })
      .start('Entity', { EntityId: node.key, Identity: node.key, LabelIsIdentity: 'false' })
      .start('Icon')
      .leaf('IconStyle', { Type: String(a.kind) })
      .close()
      .close()
      .close();
    addAttributes(a);
    const group = groupOf.get(node.key);
    if (group) xml.leaf('Attribute', { AttributeClassReference: 'ACGroup', Value: group.label });
    xml.close();
    addCards(ctx.notes.nodes.get(node.key));
    xml.close();
  }
  const labelOf = new Map(graph.nodes.map((n) => [n.key, n.attributes.label]));
  for (const edge of graph.edges) {
    const a = edge.attributes;
    xml.start('ChartItem', {
      Id: anxItemId('L', edge.key),
      Label: String(a.kind),
      Description: `${labelOf.get(edge.source) ?? edge.source} ${a.kind} ${labelOf.get(edge.target) ?? edge.target}`,
      ...dated(a),
      ...sourceRef(a),
      ...gradeIndexes(a.grade),
    });
    xml.start('Link', { End1Id: edge.source, End2Id: edge.target }).leaf('LinkStyle', {
      Strength: strengthOf(a.grade),
      Type: String(a.kind),
      ArrowStyle: 'ArrowOnHead',
      LineColour: String(colorref(edgeColour(String(a.kind)))),
    });
    xml.close();
    addAttributes(a);
    xml.close();
    addCards(ctx.notes.edges.get(edge.key));
    xml.close();
  }
  xml.close();
  xml.start('Summary').start('FieldCollection');
  xml.leaf('Field', { Field: manifest.title, Type: 'SummaryFieldTitle' });
  xml.leaf('Field', { Field: manifestSummary(manifest), Type: 'SummaryFieldComments' });
  xml.leaf('Field', { Field: `TLP:${manifest.highestTlp}`, Type: 'SummaryFieldKeywords' });
  xml.close().start('CustomPropertyCollection');
  xml.leaf('CustomProperty', { Name: 'TLP', Type: 'String', Value: manifest.highestTlp });
  xml.leaf('CustomProperty', { Name: 'scamnet manifest', Type: 'String', Value: JSON.stringify(manifest) });
  return {
    body: Buffer.from(xmlAttributeBreaks(xml.end())),
    ...exportFileType('anx'),
  };
}
