/** The parts of an OpenAPI 3 document the fuzz and the auth sweep read. */
export interface OpenApiDocument {
  paths: Record<string, Partial<Record<HttpMethod, OpenApiOperation>>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

interface OpenApiOperation {
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: Record<string, unknown>[];
}

/** A JSON Schema as @nestjs/swagger writes it (the subset the generators understand). */
export interface JsonSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  nullable?: boolean;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  additionalProperties?: boolean | JsonSchema;
}

export interface QueryParam {
  name: string;
  schema: JsonSchema;
}

/** One operation of the document, with its schemas resolved. */
export interface ApiRoute {
  method: Uppercase<HttpMethod>;
  /** As written in the document: `/api/v1/people/{id}`. */
  template: string;
  pathParams: string[];
  query: QueryParam[];
  /** The JSON request body's schema, or null when the operation takes none. */
  body: JsonSchema | null;
}

/** Every operation in the document, in document order. */
export function routesOf(doc: OpenApiDocument): ApiRoute[] {
  const routes: ApiRoute[] = [];
  for (const [template, operations] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const operation = operations[method];
      if (operation === undefined) continue;
      const parameters = operation.parameters ?? [];
      const jsonBody = operation.requestBody?.content?.['application/json']?.schema;
      routes.push({
        method: method.toUpperCase() as Uppercase<HttpMethod>,
        template,
        pathParams: [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]),
        query: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: resolve(doc, p.schema ?? {}) })),
        body: jsonBody === undefined ? null : resolve(doc, jsonBody),
      });
    }
  }
  return routes;
}

/** Follows `$ref` and merges `allOf`, so generators see plain schemas. */
export function resolve(doc: OpenApiDocument, schema: JsonSchema, seen = new Set<string>()): JsonSchema {
  if (schema.$ref !== undefined) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.has(name)) return { type: 'object' };
    const target = doc.components?.schemas?.[name];
    if (target === undefined) throw new Error(`unresolved schema reference ${schema.$ref}`);
    return resolve(doc, target, new Set([...seen, name]));
  }
  if (schema.allOf !== undefined) {
    const parts = schema.allOf.map((part) => resolve(doc, part, seen));
    return parts.reduce<JsonSchema>(
      (merged, part) => ({
        ...merged,
        ...part,
        properties: { ...merged.properties, ...part.properties },
        required: [...(merged.required ?? []), ...(part.required ?? [])],
      }),
      {},
    );
  }
  const resolved: JsonSchema = { ...schema };
  if (schema.items !== undefined) resolved.items = resolve(doc, schema.items, seen);
  if (schema.properties !== undefined) {
    resolved.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([key, value]) => [key, resolve(doc, value, seen)]),
    );
  }
  return resolved;
}

/** `/api/v1/people/{id}` with each parameter replaced by an already-encoded segment. */
export function fillPath(template: string, segments: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_match, name: string) => segments[name] ?? 'x');
}
