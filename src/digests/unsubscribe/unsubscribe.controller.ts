import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../core/auth/public.decorator';
import { DigestUnsubscribePagesService } from './digest-unsubscribe-pages.service';
import { UNSUBSCRIBE_PAGE_HEADERS, type UnsubscribePage } from './unsubscribe-page.view';

/**
 * `/u/:token`, the digest's one-click unsubscribe link (RFC 8058). Public: the
 * token is the credential. No CSRF check: mail clients POST it blind, and a
 * forged POST needs the 256-bit token, which only the executive's mail holds.
 */
@ApiExcludeController()
@Public()
@Controller('u')
export class UnsubscribeController {
  constructor(private readonly pages: DigestUnsubscribePagesService) {}

  @Get(':token')
  async confirm(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    send(reply, await this.pages.confirm(token));
  }

  @Post(':token')
  @HttpCode(200)
  async unsubscribe(
    @Param('token') token: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    send(reply, await this.pages.unsubscribe(token, body));
  }
}

function send(reply: FastifyReply, page: UnsubscribePage): void {
  void reply.status(page.status).headers(UNSUBSCRIBE_PAGE_HEADERS).send(page.html);
}
