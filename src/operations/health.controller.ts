import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../core/auth/public.decorator';
import { ServiceHealthView, LivenessView, ReadinessView } from './health.dto';
import { HealthService } from './health.service';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Is Cadence up and its database reachable? 503 when not, or while shutting down.',
  })
  @ApiResponse({ status: 200, type: ServiceHealthView })
  @ApiResponse({ status: 503, type: ServiceHealthView, description: 'Database unreachable, or draining' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<ServiceHealthView> {
    return unavailableAs503(reply, await this.health.health());
  }

  @Get('live')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Liveness: the process is up. 200 always, except 503 once shutdown has begun.',
    description: 'Checks nothing outside the process, so a database outage never gets instances restarted.',
  })
  @ApiResponse({ status: 200, type: LivenessView })
  @ApiResponse({ status: 503, type: LivenessView, description: 'Shutting down' })
  live(@Res({ passthrough: true }) reply: FastifyReply): LivenessView {
    const view = this.health.live();
    if (view.status !== 'ok') void reply.status(503);
    return view;
  }

  @Get('ready')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Readiness: send this instance traffic? 503 when the database is unreachable or while draining.',
  })
  @ApiResponse({ status: 200, type: ReadinessView })
  @ApiResponse({ status: 503, type: ReadinessView, description: 'Database unreachable, or draining' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessView> {
    return unavailableAs503(reply, await this.health.ready());
  }
}

function unavailableAs503<T extends { status: string }>(reply: FastifyReply, view: T): T {
  if (view.status !== 'ok') void reply.status(503);
  return view;
}
