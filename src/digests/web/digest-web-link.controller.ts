import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../../core/auth/public.decorator';
import { DigestWebLinkService } from './digest-web-link.service';

/** The digest's "view in your browser" link: public, the token in the path is the capability. */
@ApiExcludeController()
@Controller('d')
export class DigestWebLinkController {
  constructor(private readonly links: DigestWebLinkService) {}

  @Get(':token')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  @Header('x-content-type-options', 'nosniff')
  // The URL is the secret: never send it on in a Referer.
  @Header('referrer-policy', 'no-referrer')
  @Header(
    'content-security-policy',
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  )
  get(@Param('token') token: string): Promise<string> {
    return this.links.html(token);
  }
}
