/**
 * A JSON document as the fuzz builds it. Objects keep their entries as a list
 * so that keys such as `__proto__`, and repeated keys, reach the wire exactly
 * as written (a JS object would swallow or reinterpret them).
 */
export type JsonNode = null | boolean | number | string | JsonNode[] | JsonObject | RawJson;

export class JsonObject {
  constructor(readonly entries: readonly (readonly [string, JsonNode])[]) {}
}

/** Literal text in the document: `1e999`, `-0`, a 40-digit integer. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** Serialises a node; strings go through JSON.stringify, which writes lone surrogates as `\ud800`. */
export function toJsonText(node: JsonNode): string {
  if (node instanceof RawJson) return node.text;
  if (node instanceof JsonObject) {
    return `{${node.entries.map(([key, value]) => `${JSON.stringify(key)}:${toJsonText(value)}`).join(',')}}`;
  }
  if (Array.isArray(node)) return `[${node.map(toJsonText).join(',')}]`;
  // NaN and ±Infinity have no JSON form; JSON.stringify writes null, which is what a client would send.
  return JSON.stringify(node);
}

/** A plain value (an example from the OpenAPI document) as a node. */
export function toNode(value: unknown): JsonNode {
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string')
    return value;
  if (Array.isArray(value)) return value.map(toNode);
  if (typeof value === 'object') {
    return new JsonObject(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toNode(v)]));
  }
  return null;
}
