import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../core/http/pagination';
import { CreatePersonDto, PersonPage, PersonView, UpdatePersonDto } from './dto/person.dto';
import { CreateTimeOffDto, TimeOffView } from './dto/time-off.dto';
import { PeopleService } from './people.service';
import { ROLES, type Role } from './person.entity';
import { TimeOffService } from './time-off.service';

class PeopleQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role?: Role;
}

@ApiTags('people')
@ApiBearerAuth()
@Controller('api/v1/people')
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly timeOff: TimeOffService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Add a person; work week and hours default from the country' })
  create(@Body() body: CreatePersonDto): Promise<PersonView> {
    return this.people.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'List people, oldest first' })
  list(@Query() query: PeopleQuery): Promise<PersonPage> {
    return this.people.list(query);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<PersonView> {
    return this.people.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a person; their touchpoints are re-planned' })
  update(@Param('id') id: string, @Body() body: UpdatePersonDto): Promise<PersonView> {
    return this.people.update(id, body);
  }

  @Post(':id/time-off')
  @ApiOperation({ summary: 'Record time off; touchpoints it touches are re-planned' })
  addTimeOff(@Param('id') id: string, @Body() body: CreateTimeOffDto): Promise<TimeOffView> {
    return this.timeOff.add(id, body);
  }

  @Get(':id/time-off')
  listTimeOff(@Param('id') id: string): Promise<TimeOffView[]> {
    return this.timeOff.list(id);
  }

  @Delete(':id/time-off/:timeOffId')
  @HttpCode(204)
  removeTimeOff(@Param('id') id: string, @Param('timeOffId') timeOffId: string): Promise<void> {
    return this.timeOff.remove(id, timeOffId);
  }
}
