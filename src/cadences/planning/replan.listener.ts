import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainEvents } from '../../core/events/domain-events';
import { Engagement } from '../../engagements/engagement.entity';
import { EngagementContact } from '../../engagements/engagement-contact.entity';
import { InvitesService } from '../invites/invites.service';
import { PlannerService } from './planner.service';

/**
 * Re-plans the engagements a change touches, synchronously, so the API call
 * that changed a calendar answers with touchpoints already moved.
 */
@Injectable()
export class ReplanListener implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly planner: PlannerService,
    private readonly invites: InvitesService,
  ) {}

  onModuleInit(): void {
    this.events.on('engagement.changed', (e) => this.replan([e.engagementId]));
    this.events.on('blackout.changed', (e) => this.replan([e.engagementId]));
    this.events.on('person.changed', async (e) => this.replan(await this.engagementsOf(e.personId)));
    this.events.on('time-off.changed', async (e) => this.replan(await this.engagementsOf(e.personId)));
    this.events.on('holiday.changed', async (e) => this.replan(await this.engagementsIn(e.country)));
  }

  private async replan(engagementIds: string[]): Promise<void> {
    if (engagementIds.length === 0) return;
    await this.planner.planEngagements(engagementIds);
    for (const engagementId of engagementIds) await this.invites.issuePending({ engagementId });
  }

  /** Engagements a person takes part in, in any role. */
  private async engagementsOf(personId: string): Promise<string[]> {
    return this.engagementIds('= :value', personId);
  }

  /** Engagements with anyone in a country (whose holidays just changed). */
  private async engagementsIn(country: string): Promise<string[]> {
    return this.engagementIds('IN (SELECT id FROM person WHERE country = :value)', country);
  }

  private async engagementIds(personMatch: string, value: string): Promise<string[]> {
    const direct = await this.dataSource
      .createQueryBuilder()
      .select('e.id', 'id')
      .from(Engagement, 'e')
      .where(`e.account_manager_id ${personMatch} OR e.executive_id ${personMatch}`, { value })
      .getRawMany<{ id: string }>();
    const contacts = await this.dataSource
      .createQueryBuilder()
      .select('DISTINCT c.engagement_id', 'id')
      .from(EngagementContact, 'c')
      .where(`c.person_id ${personMatch}`, { value })
      .getRawMany<{ id: string }>();
    return [...new Set([...direct, ...contacts].map((r) => r.id))];
  }
}
