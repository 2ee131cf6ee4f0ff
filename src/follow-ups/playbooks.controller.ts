import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { EngagementsService } from '../engagements/engagements.service';
import type { Playbook } from './domain/playbook.types';
import { PlaybookCatalogueService } from './playbook-catalogue.service';

class PlaybookSummaryView {
  @ApiProperty({ example: 'default' }) name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String], example: ['report_late', 'meeting_missed'] }) triggers!: string[];
}

class EngagementPlaybookView {
  @ApiProperty({ example: 'default', description: 'The named playbook' }) name!: string;
  @ApiProperty({ description: 'True when the engagement has its own playbook, which replaces the named one' })
  overridden!: boolean;
  @ApiProperty({ description: 'The playbook in force: triggers to ordered steps', type: Object })
  playbook!: Playbook;
}

@ApiTags('playbooks')
@ApiBearerAuth()
@Controller('api/v1')
export class PlaybooksController {
  constructor(
    private readonly playbooks: PlaybookCatalogueService,
    private readonly engagements: EngagementsService,
  ) {}

  @Get('playbooks')
  @ApiOperation({ summary: 'The playbooks in config/playbooks' })
  list(): PlaybookSummaryView[] {
    return this.playbooks.names().map((name) => {
      const playbook = this.playbooks.get(name) as Playbook;
      return { name, description: playbook.description ?? '', triggers: Object.keys(playbook.steps) };
    });
  }

  @Get('engagements/:id/playbook')
  @ApiOperation({ summary: 'The playbook in force for an engagement' })
  async get(@Param('id') id: string): Promise<EngagementPlaybookView> {
    const engagement = await this.engagements.find(id);
    return {
      name: engagement.playbook,
      overridden: engagement.playbookOverride !== null,
      playbook: this.playbooks.effective(engagement),
    };
  }

  @Put('engagements/:id/playbook')
  @ApiOperation({
    summary: 'Give an engagement its own playbook (same shape as config/playbooks/*.yaml, as JSON)',
    description:
      'Validated like the files: 400 names each bad trigger, step and field. Replaces the whole playbook.',
  })
  @ApiBody({
    schema: {
      type: 'object',
      example: {
        steps: {
          report_late: [
            { after: '0', to: 'vendor_contact', via: 'email' },
            { after: '1 client working day', to: 'account_manager', via: 'slack_dm' },
          ],
        },
      },
    },
  })
  async put(@Param('id') id: string, @Body() body: unknown): Promise<EngagementPlaybookView> {
    const engagement = await this.engagements.find(id);
    const playbook = this.playbooks.validateOverride(id, body);
    await this.engagements.setPlaybookOverride(id, body);
    return { name: engagement.playbook, overridden: true, playbook };
  }

  @Delete('engagements/:id/playbook')
  @HttpCode(204)
  @ApiOperation({ summary: 'Drop the engagement’s own playbook; the named one applies again' })
  async remove(@Param('id') id: string): Promise<void> {
    await this.engagements.setPlaybookOverride(id, null);
  }
}
