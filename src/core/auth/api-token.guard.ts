import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error';
import { API_TOKEN } from './api-token.provider';
import { digestMatches, type ResolvedApiToken, tokenDigest } from './api-token';
import { IS_PUBLIC } from './public.decorator';

/** Every route needs `Authorization: Bearer <token>` unless marked `@Public()`. */
@Injectable()
export class ApiTokenGuard implements CanActivate {
  /** The configured token's SHA-256, computed once rather than on every request. */
  private readonly expected: Buffer;

  constructor(
    private readonly reflector: Reflector,
    @Inject(API_TOKEN) apiToken: ResolvedApiToken,
  ) {
    this.expected = tokenDigest(apiToken.token);
  }

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (match === null) {
      throw new DomainError('UNAUTHORIZED', 'Send the API token as "Authorization: Bearer <token>".', 401);
    }
    if (!digestMatches(match[1], this.expected)) {
      throw new DomainError('UNAUTHORIZED', 'The API token is not valid.', 401);
    }
    return true;
  }
}
