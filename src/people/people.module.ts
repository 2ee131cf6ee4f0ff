import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarsModule } from '../calendars/calendars.module';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { Person } from './person.entity';
import { TimeOff } from './time-off.entity';
import { TimeOffService } from './time-off.service';

@Module({
  imports: [TypeOrmModule.forFeature([Person, TimeOff]), CalendarsModule],
  controllers: [PeopleController],
  providers: [PeopleService, TimeOffService],
  exports: [PeopleService, TimeOffService],
})
export class PeopleModule {}
