import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../core/errors/domain-error';

/**
 * The app parses urlencoded bodies too (for the vendor form); the report API
 * speaks JSON only, so a body of another type gets 415 here rather than being
 * read as if it were the same thing.
 */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const length = request.headers['content-length'];
    const hasBody =
      (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
    if (hasBody && !/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      throw new DomainError(
        'UNSUPPORTED_MEDIA_TYPE',
        'Unsupported content type; send JSON (Content-Type: application/json).',
        415,
      );
    }
    return true;
  }
}
