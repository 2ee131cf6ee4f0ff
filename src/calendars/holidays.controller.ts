import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ValidationFailed } from '../core/errors/domain-error';
import { CalendarService } from './calendar.service';
import { canonicalRegion } from './domain/calendar-validation';
import { daysBetween } from './domain/local-date';
import { AdjustHolidayDto, HolidaysQuery, HolidayView } from './dto/holiday.dto';
import type { HolidayListing } from './domain/holiday-listing';

@ApiTags('holidays')
@ApiBearerAuth()
@Controller('api/v1/holidays')
export class HolidaysController {
  constructor(private readonly calendars: CalendarService) {}

  @Get()
  @ApiOperation({
    summary: 'Holidays that close offices in a country (and region), with tentative ones marked',
  })
  async list(@Query() query: HolidaysQuery): Promise<HolidayView[]> {
    const region = query.region ? canonicalRegion(query.country, query.region) : null;
    if (query.region && region === null)
      throw new ValidationFailed({ region: `is not a subdivision of ${query.country}` });
    const days = daysBetween(query.from, query.to);
    if (days < 0) throw new ValidationFailed({ to: 'must be on or after from' });
    if (days > 3 * 366) throw new ValidationFailed({ to: 'must be within three years of from' });
    return (
      await this.calendars.listHolidays({ country: query.country, region, from: query.from, to: query.to })
    ).map(toView);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Confirm a computed holiday, or move it by one day; touchpoints it touches are re-planned',
  })
  async adjust(@Param('id') id: string, @Body() body: AdjustHolidayDto): Promise<HolidayView> {
    if (body.confirmed === undefined && body.date === undefined) {
      throw new ValidationFailed({ confirmed: 'send confirmed: true, a new date, or both' });
    }
    return toView(
      await this.calendars.adjustHoliday(id, {
        confirm: body.confirmed === true,
        ...(body.date && { date: body.date }),
      }),
    );
  }
}

function toView(h: HolidayListing): HolidayView {
  return {
    id: h.id,
    country: h.country,
    region: h.region,
    name: h.name,
    localName: h.localName,
    label: h.label,
    type: h.type,
    start: h.start,
    end: h.end,
    computedStart: h.computedStart,
    tentative: h.tentative,
    confirmed: h.confirmed,
    movedFrom: h.movedFrom,
    source: h.source,
  };
}
