import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, JsonColumn } from '../database/columns';

export const KPI_DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

/** What "good" means for a number the vendor reports every week. */
export interface KpiDefinition {
  key: string;
  label: string;
  unit: string;
  target: number;
  direction: KpiDirection;
}

@Entity('engagement')
@Index('engagement_account_manager', ['accountManagerId'])
@Index('engagement_executive', ['executiveId'])
export class Engagement {
  @IdColumn()
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 200 })
  clientName!: string;

  @Column({ type: 'varchar', length: 200 })
  vendorName!: string;

  @Column({ type: 'varchar', length: 36 })
  accountManagerId!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  executiveId!: string | null;

  @JsonColumn()
  kpis!: KpiDefinition[];

  @Column({ type: 'varchar', length: 64 })
  playbook!: string;

  /** The engagement's own playbook as JSON text (validated when stored); replaces the named one when set. */
  @Column({ type: 'text', nullable: true })
  playbookOverride!: string | null;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;
}
