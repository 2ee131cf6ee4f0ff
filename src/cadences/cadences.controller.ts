import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CadencesService } from './cadences.service';
import { CadenceView, CreateCadenceDto, UpdateCadenceDto } from './dto/cadence.dto';

@ApiTags('cadences')
@ApiBearerAuth()
@Controller('api/v1/engagements/:id/cadences')
export class CadencesController {
  constructor(private readonly cadences: CadencesService) {}

  @Post()
  @ApiOperation({
    summary: 'Add a meeting or status-report cadence; touchpoints are planned over the horizon at once',
    description:
      'The answer includes the chosen slot and the first occurrence in each participant’s own time. ' +
      'Meetings default to the account manager and the vendor contacts; a report is due in the first vendor contact’s zone.',
  })
  create(@Param('id') engagementId: string, @Body() body: CreateCadenceDto): Promise<CadenceView> {
    return this.cadences.create(engagementId, body);
  }

  @Get()
  list(@Param('id') engagementId: string): Promise<CadenceView[]> {
    return this.cadences.list(engagementId);
  }

  @Get(':cadenceId')
  get(@Param('id') engagementId: string, @Param('cadenceId') cadenceId: string): Promise<CadenceView> {
    return this.cadences.get(engagementId, cadenceId);
  }

  @Patch(':cadenceId')
  @ApiOperation({
    summary: 'Change a cadence (or stop it with active: false); its future touchpoints are re-planned',
  })
  update(
    @Param('id') engagementId: string,
    @Param('cadenceId') cadenceId: string,
    @Body() body: UpdateCadenceDto,
  ): Promise<CadenceView> {
    return this.cadences.update(engagementId, cadenceId, body);
  }
}
