import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { Clock } from '../core/clock/clock';
import { NotFound, ValidationFailed, type FieldErrors } from '../core/errors/domain-error';
import { DomainEvents } from '../core/events/domain-events';
import type { Page } from '../core/http/pagination';
import { PlaybookCatalogueService } from '../follow-ups/playbook-catalogue.service';
import { Person, type Role } from '../people/person.entity';
import type { CreateEngagementDto, EngagementView, KpiDto, UpdateEngagementDto } from './dto/engagement.dto';
import { Engagement, type KpiDefinition } from './engagement.entity';
import { EngagementContact, type ContactKind } from './engagement-contact.entity';

interface Members {
  accountManagerId: string;
  executiveId: string | null;
  vendorContactIds: string[];
  clientContactIds: string[];
}

@Injectable()
export class EngagementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Engagement) private readonly engagements: Repository<Engagement>,
    @InjectRepository(EngagementContact) private readonly contacts: Repository<EngagementContact>,
    @InjectRepository(Person) private readonly people: Repository<Person>,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
    private readonly playbooks: PlaybookCatalogueService,
  ) {}

  async create(dto: CreateEngagementDto): Promise<EngagementView> {
    const members: Members = {
      accountManagerId: dto.accountManagerId,
      executiveId: dto.executiveId ?? null,
      vendorContactIds: dto.vendorContactIds,
      clientContactIds: dto.clientContactIds ?? [],
    };
    const kpis = checkKpis(dto.kpis ?? []);
    this.checkPlaybook(dto.playbook);
    await this.checkMembers(members);
    const now = this.clock.now().toJSDate();
    const engagement = this.engagements.create({
      id: randomUUID(),
      name: dto.name,
      clientName: dto.clientName,
      vendorName: dto.vendorName,
      accountManagerId: members.accountManagerId,
      executiveId: members.executiveId,
      kpis,
      playbook: dto.playbook ?? 'default',
      playbookOverride: null,
      createdAt: now,
      updatedAt: now,
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(Engagement, engagement);
      await manager.insert(EngagementContact, contactRows(engagement.id, members));
    });
    return toView(engagement, members);
  }

  async get(id: string): Promise<EngagementView> {
    const engagement = await this.find(id);
    return toView(engagement, await this.membersOf(engagement));
  }

  async find(id: string): Promise<Engagement> {
    const engagement = await this.engagements.findOneBy({ id });
    if (engagement === null) throw new NotFound('engagement', id);
    return engagement;
  }

  async list(page: { limit: number; offset: number }): Promise<Page<EngagementView>> {
    const [rows, total] = await this.engagements.findAndCount({
      order: { createdAt: 'ASC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    const contacts = rows.length
      ? await this.contacts.find({
          where: { engagementId: In(rows.map((r) => r.id)) },
          order: { position: 'ASC' },
        })
      : [];
    const items = rows.map((row) =>
      toView(
        row,
        membersFrom(
          row,
          contacts.filter((c) => c.engagementId === row.id),
        ),
      ),
    );
    return { items, total, limit: page.limit, offset: page.offset };
  }

  async update(id: string, dto: UpdateEngagementDto): Promise<EngagementView> {
    const engagement = await this.find(id);
    const members = await this.membersOf(engagement);
    if (dto.accountManagerId !== undefined) members.accountManagerId = dto.accountManagerId;
    if (dto.executiveId !== undefined) members.executiveId = dto.executiveId;
    if (dto.vendorContactIds !== undefined) members.vendorContactIds = dto.vendorContactIds;
    if (dto.clientContactIds !== undefined) members.clientContactIds = dto.clientContactIds;
    this.checkPlaybook(dto.playbook);
    await this.checkMembers(members);
    if (dto.kpis !== undefined) engagement.kpis = checkKpis(dto.kpis);
    if (dto.name !== undefined) engagement.name = dto.name;
    if (dto.clientName !== undefined) engagement.clientName = dto.clientName;
    if (dto.vendorName !== undefined) engagement.vendorName = dto.vendorName;
    if (dto.playbook !== undefined) engagement.playbook = dto.playbook;
    engagement.accountManagerId = members.accountManagerId;
    engagement.executiveId = members.executiveId;
    engagement.updatedAt = this.clock.now().toJSDate();
    await this.dataSource.transaction(async (manager) => {
      await manager.save(Engagement, engagement);
      await manager.delete(EngagementContact, { engagementId: engagement.id });
      await manager.insert(EngagementContact, contactRows(engagement.id, members));
    });
    await this.events.publish({ type: 'engagement.changed', engagementId: engagement.id });
    return toView(engagement, members);
  }

  async membersOf(engagement: Engagement): Promise<Members> {
    const rows = await this.contacts.find({
      where: { engagementId: engagement.id },
      order: { position: 'ASC' },
    });
    return membersFrom(engagement, rows);
  }

  /** Stores an engagement's own playbook (already validated), or removes it with null. */
  async setPlaybookOverride(id: string, playbook: unknown): Promise<void> {
    await this.find(id);
    await this.engagements.update(
      { id },
      {
        playbookOverride: playbook === null ? null : JSON.stringify(playbook),
        updatedAt: this.clock.now().toJSDate(),
      },
    );
  }

  private checkPlaybook(name: string | undefined): void {
    if (name !== undefined && !this.playbooks.has(name)) {
      throw new ValidationFailed({
        playbook: `must be one of the playbooks in config/playbooks: ${this.playbooks.names().join(', ')}`,
      });
    }
  }

  /** Every id names a person of the right role; one message per bad field. */
  private async checkMembers(members: Members): Promise<void> {
    const ids = [
      members.accountManagerId,
      ...(members.executiveId ? [members.executiveId] : []),
      ...members.vendorContactIds,
      ...members.clientContactIds,
    ];
    const found = new Map((await this.people.findBy({ id: In([...new Set(ids)]) })).map((p) => [p.id, p]));
    const fields: FieldErrors = {};
    const check = (field: string, id: string, role: Role): void => {
      const person = found.get(id);
      if (person === undefined) fields[field] = `no person with id ${id}`;
      else if (person.role !== role)
        fields[field] = `must be a person with role ${role} (${person.name} is ${person.role})`;
    };
    check('accountManagerId', members.accountManagerId, 'account_manager');
    if (members.executiveId) check('executiveId', members.executiveId, 'executive');
    members.vendorContactIds.forEach((id, i) => check(`vendorContactIds.${i}`, id, 'vendor_contact'));
    members.clientContactIds.forEach((id, i) => check(`clientContactIds.${i}`, id, 'client_contact'));
    if (new Set(members.vendorContactIds).size !== members.vendorContactIds.length) {
      fields.vendorContactIds = 'must not list a person twice';
    }
    if (new Set(members.clientContactIds).size !== members.clientContactIds.length) {
      fields.clientContactIds = 'must not list a person twice';
    }
    if (Object.keys(fields).length > 0) throw new ValidationFailed(fields);
  }
}

function checkKpis(kpis: KpiDto[]): KpiDefinition[] {
  const seen = new Set<string>();
  const fields: FieldErrors = {};
  kpis.forEach((kpi, i) => {
    if (seen.has(kpi.key)) fields[`kpis.${i}.key`] = `duplicates the key ${kpi.key}`;
    seen.add(kpi.key);
  });
  if (Object.keys(fields).length > 0) throw new ValidationFailed(fields);
  return kpis.map(({ key, label, unit, target, direction }) => ({ key, label, unit, target, direction }));
}

function contactRows(engagementId: string, members: Members): EngagementContact[] {
  const row = (kind: ContactKind) => (personId: string, position: number) =>
    Object.assign(new EngagementContact(), { engagementId, kind, personId, position });
  return [
    ...members.vendorContactIds.map(row('vendor_contact')),
    ...members.clientContactIds.map(row('client_contact')),
  ];
}

function membersFrom(engagement: Engagement, rows: EngagementContact[]): Members {
  const sorted = [...rows].sort((a, b) => a.position - b.position);
  return {
    accountManagerId: engagement.accountManagerId,
    executiveId: engagement.executiveId,
    vendorContactIds: sorted.filter((c) => c.kind === 'vendor_contact').map((c) => c.personId),
    clientContactIds: sorted.filter((c) => c.kind === 'client_contact').map((c) => c.personId),
  };
}

function toView(engagement: Engagement, members: Members): EngagementView {
  return {
    id: engagement.id,
    name: engagement.name,
    clientName: engagement.clientName,
    vendorName: engagement.vendorName,
    ...members,
    kpis: engagement.kpis,
    playbook: engagement.playbook,
    createdAt: engagement.createdAt.toISOString(),
    updatedAt: engagement.updatedAt.toISOString(),
  };
}
