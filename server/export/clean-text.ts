/**
 * Text from the graph is shown in other people's tools. Control characters (which XML 1.0 cannot
 * even carry), bidirectional overrides that make a label read differently from what it is, and
 * unpaired surrogates are removed once, before any format is written, so every format agrees.
 */
import type { JsonValue, SerializedGraph } from '../store/types.ts';

// C0 controls except tab, newline and carriage return; DEL and C1; zero-width and bidi controls; BOM.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(UNSAFE, '');
}

function cleanValue(value: JsonValue): JsonValue {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanValue);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k), cleanValue(v)]));
  }
  return value;
}

export function cleanGraph(graph: SerializedGraph): SerializedGraph {
  return {
    nodes: graph.nodes.map((n) => ({
      key: cleanText(n.key),
      attributes: cleanValue(n.attributes) as typeof n.attributes,
    })),
    edges: graph.edges.map((e) => ({
      key: cleanText(e.key),
      source: cleanText(e.source),
      target: cleanText(e.target),
      attributes: cleanValue(e.attributes) as typeof e.attributes,
    })),
  };
}
