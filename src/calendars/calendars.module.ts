import { Module } from '@nestjs/common';
import { CalendarService } from './calendar.service';
import { HolidaysController } from './holidays.controller';

@Module({
  controllers: [HolidaysController],
  providers: [CalendarService],
  exports: [CalendarService],
})
export class CalendarsModule {}
