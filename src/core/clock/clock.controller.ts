import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Conflict, ValidationFailed } from '../errors/domain-error';
import { parseInstant } from '../validation/decorators';
import { SchedulerService } from '../scheduler/scheduler.service';
import { Clock, ManualClock } from './clock';
import { ClockNowDto, ClockSummaryDto, MoveClockDto } from './clock.dto';

@ApiTags('clock')
@ApiBearerAuth()
@Controller('api/v1/clock')
export class ClockController {
  constructor(
    private readonly clock: Clock,
    private readonly scheduler: SchedulerService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'What time Cadence thinks it is' })
  now(): ClockNowDto {
    return { now: this.clock.now().toISO(), mode: this.clock instanceof ManualClock ? 'manual' : 'system' };
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move the manual clock forward and run all work that falls due, in time order',
    description: 'Only when started with CADENCE_CLOCK=manual (409 otherwise); 400 when asked to go back.',
  })
  async move(@Body() body: MoveClockDto): Promise<ClockSummaryDto> {
    if (!(this.clock instanceof ManualClock)) {
      throw new Conflict(
        'CLOCK_NOT_MANUAL',
        'The clock can only be moved when Cadence runs with CADENCE_CLOCK=manual.',
      );
    }
    const target = parseInstant(body.now);
    if (target === null) throw new ValidationFailed({ now: 'must be an ISO-8601 instant' });
    if (target < this.clock.now()) {
      throw new ValidationFailed(
        { now: `must not be before the current time ${this.clock.now().toISO()}` },
        'The clock only moves forward.',
      );
    }
    return this.scheduler.advanceTo(target);
  }
}
