import type { FastifyInstance } from 'fastify';
import { inspectInput, MAX_JSON_DEPTH } from './untrusted-input';

/**
 * Refuses, before any route, what would otherwise crash deep inside one
 * (found by the hostile-input fuzz, each answered 500 before):
 *
 * - bodies nested thousands of levels deep: class-transformer walks them
 *   recursively and overflowed the stack;
 * - NUL characters (PostgreSQL: "invalid byte sequence for encoding UTF8"),
 *   in a body, a query or an id in the path;
 * - unpaired UTF-16 surrogates (`"\ud800"`): validator.js's isEmail threw
 *   URIError on them, and they cannot be stored as UTF-8 anyway.
 *
 * Answers 400 in the API's error shape, naming the field.
 */
export function guardUntrustedInput(fastify: FastifyInstance): void {
  fastify.addHook('preHandler', async (request, reply) => {
    for (const part of [request.params, request.query, request.body]) {
      const problem = inspectInput(part);
      if (problem === null) continue;
      const error =
        problem.kind === 'too_deep'
          ? { code: 'JSON_TOO_DEEP', message: `The request body nests deeper than ${MAX_JSON_DEPTH} levels.` }
          : {
              code: 'VALIDATION_FAILED',
              message: `Invalid ${problem.field}.`,
              fields: { [problem.field]: 'must be text without NUL characters or unpaired surrogates' },
            };
      // Returning the reply ends the request here: the route never runs.
      return reply.code(400).header('content-type', 'application/json; charset=utf-8').send({ error });
    }
    return undefined;
  });
}
