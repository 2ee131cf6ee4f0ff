import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error';
import { API_TOKEN } from './api-token.provider';
import { type ResolvedApiToken, tokensMatch } from './api-token';
import { IS_PUBLIC } from './public.decorator';

/** Every route needs `Authorization: Bearer <token>` unless marked `@Public()`. */
@Injectable()
export class ApiTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(API_TOKEN) private readonly apiToken: ResolvedApiToken,
  ) {}

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
    if (!tokensMatch(match[1], this.apiToken.token)) {
      throw new DomainError('UNAUTHORIZED', 'The API token is not valid.', 401);
    }
    return true;
  }
}
