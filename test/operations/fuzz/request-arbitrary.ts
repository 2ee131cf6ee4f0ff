import fc from 'fast-check';
import {
  encodeLoosely,
  hostileSegment,
  hostileString,
  hostileValue,
  malformedBody,
  PROTO_KEYS,
} from './hostile-values';
import { JsonObject, type JsonNode, toJsonText, toNode } from './json-text';
import { type ApiRoute, fillPath, type JsonSchema, type QueryParam } from './openapi-routes';

/** One request the fuzz sends. */
export interface FuzzRequest {
  method: string;
  /** Path and query, already encoded. */
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** Ids of stored resources, by the collection segment that precedes an id in a path (`people`, `touchpoints`). */
export type IdPools = Readonly<Record<string, readonly string[]>>;

const ABSENT = Symbol('absent');
type Maybe = JsonNode | typeof ABSENT;

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/vnd.api+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'application/xml',
];

/** A value that fits the schema, usually (ids from the pools, enums, examples), so requests get past the first check. */
export function plausible(schema: JsonSchema, pools: IdPools, depth = 0): fc.Arbitrary<JsonNode> {
  const all = Object.values(pools).flat();
  const base = ((): fc.Arbitrary<JsonNode> => {
    if (schema.enum !== undefined && schema.enum.length > 0)
      return fc.constantFrom(...schema.enum.map(toNode));
    switch (schema.type) {
      case 'string': {
        const options: fc.Arbitrary<JsonNode>[] = [fc.string({ maxLength: 12 })];
        if (schema.example !== undefined) options.push(fc.constant(toNode(schema.example)));
        if (schema.format === 'date-time') options.push(fc.constant('2027-03-09T14:00:00Z'));
        if (schema.format === 'date') options.push(fc.constant('2027-03-09'));
        if (all.length > 0) options.push(fc.constantFrom(...all));
        return fc.oneof(...options);
      }
      case 'integer':
      case 'number':
        return fc.oneof(
          fc.integer({ min: schema.minimum ?? -3, max: Math.min(schema.maximum ?? 60, 1_000) }),
          ...(schema.example === undefined ? [] : [fc.constant(toNode(schema.example))]),
        );
      case 'boolean':
        return fc.boolean();
      case 'array':
        return depth > 3
          ? fc.constant([])
          : fc.array(plausible(schema.items ?? {}, pools, depth + 1), { maxLength: 3 });
      case 'object':
      case undefined:
        if (schema.properties === undefined) {
          return schema.example === undefined
            ? fc.constant(new JsonObject([]))
            : fc.constant(toNode(schema.example));
        }
        return depth > 3 ? fc.constant(new JsonObject([])) : objectOf(schema, pools, depth, 0);
      default:
        return fc.constant(null);
    }
  })();
  return schema.nullable
    ? fc.oneof({ weight: 5, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) })
    : base;
}

/**
 * An object with the schema's properties: each one plausible, hostile, or
 * left out, plus now and then a key the schema does not know (often a
 * prototype-poisoning one). `hostileWeight` 0 gives mostly valid objects.
 */
function objectOf(
  schema: JsonSchema,
  pools: IdPools,
  depth: number,
  hostileWeight: number,
): fc.Arbitrary<JsonNode> {
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const fields = properties.map(([key, propertySchema]) =>
    fc
      .oneof(
        { weight: 6, arbitrary: plausible(propertySchema, pools, depth + 1) },
        { weight: hostileWeight, arbitrary: hostileValue() },
        { weight: required.has(key) ? 1 : 3, arbitrary: fc.constant<Maybe>(ABSENT) },
      )
      .map((value) => [key, value] as const),
  );
  const extras = fc.array(
    fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), hostileString()), hostileValue()),
    { maxLength: hostileWeight > 0 ? 2 : 0 },
  );
  return fc.tuple(fc.tuple(...fields), extras).map(([pairs, extra]) => {
    const entries = pairs.filter((pair): pair is readonly [string, JsonNode] => pair[1] !== ABSENT);
    return new JsonObject([...entries, ...extra]);
  });
}

/** A body for a route: mostly its own schema with hostile fields, sometimes anything at all, sometimes not JSON. */
function bodyFor(route: ApiRoute, pools: IdPools): fc.Arbitrary<string | Uint8Array | undefined> {
  const schemaBody =
    route.body === null
      ? []
      : [
          {
            weight: 6,
            arbitrary: (route.body.properties === undefined
              ? plausible(route.body, pools)
              : objectOf(route.body, pools, 0, 2)
            ).map(toJsonText),
          },
        ];
  return fc.oneof(
    ...schemaBody,
    { weight: 2, arbitrary: hostileValue().map(toJsonText) },
    { weight: 2, arbitrary: malformedBody() },
    { weight: route.body === null ? 3 : 1, arbitrary: fc.constant(undefined) },
  );
}

function queryFor(params: readonly QueryParam[], pools: IdPools): fc.Arbitrary<string> {
  const known = params.map((param) =>
    fc
      .oneof(
        { weight: 3, arbitrary: plausible(param.schema, pools).map(queryText) },
        { weight: 3, arbitrary: hostileString().filter((s) => s.length < 2_000) },
        { weight: 3, arbitrary: fc.constant<string | null>(null) },
      )
      .chain((value) =>
        // A repeated name arrives as a list; some code expects one value.
        fc.boolean().map((twice) =>
          value === null
            ? []
            : twice
              ? [
                  [param.name, value],
                  [param.name, value],
                ]
              : [[param.name, value]],
        ),
      ),
  );
  const unknown = fc.array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(...PROTO_KEYS, '__proto__[polluted]', 'constructor[prototype][polluted]', 'a[]', ''),
        hostileString().filter((s) => s.length < 100),
      ),
      hostileString().filter((s) => s.length < 200),
    ),
    { maxLength: 2 },
  );
  return fc.tuple(fc.tuple(...known), unknown).map(([pairs, extra]) => {
    const all = [...pairs.flat(), ...extra] as [string, string][];
    return all.map(([k, v]) => `${encodeLoosely(k)}=${encodeLoosely(v)}`).join('&');
  });
}

function queryText(node: JsonNode): string | null {
  if (node === null) return null;
  return typeof node === 'string' ? node : toJsonText(node);
}

function segmentFor(route: ApiRoute, name: string, pools: IdPools): fc.Arbitrary<string> {
  // The collection the id belongs to is the segment before it: /people/{id}, /cadences/{cadenceId}.
  const before = route.template.split(`/{${name}}`)[0].split('/').pop() ?? '';
  const own = pools[before] ?? Object.values(pools).flat();
  const ids = own.length > 0 ? [{ weight: 3, arbitrary: fc.constantFrom(...own) }] : [];
  return fc.oneof(...ids, { weight: 2, arbitrary: hostileSegment() });
}

/** Requests for one route: random path ids, query strings, headers and bodies. */
export function requestsFor(route: ApiRoute, pools: IdPools, token: string): fc.Arbitrary<FuzzRequest> {
  const segments = fc.tuple(...route.pathParams.map((name) => segmentFor(route, name, pools)));
  return fc
    .record({
      segments,
      query: queryFor(route.query, pools),
      body: bodyFor(route, pools),
      contentType: fc.oneof(
        { weight: 8, arbitrary: fc.constant(CONTENT_TYPES[0]) },
        fc.constantFrom(...CONTENT_TYPES),
      ),
    })
    .map(({ segments: values, query, body, contentType }) => {
      const path = fillPath(
        route.template,
        Object.fromEntries(route.pathParams.map((n, i) => [n, values[i]])),
      );
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      const sendsBody = body !== undefined && route.method !== 'GET';
      if (sendsBody) headers['content-type'] = contentType;
      return {
        method: route.method,
        url: query === '' ? path : `${path}?${query}`,
        headers,
        ...(sendsBody && { body }),
      };
    });
}
