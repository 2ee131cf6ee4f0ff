import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const CONTACT_KINDS = ['vendor_contact', 'client_contact'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** A vendor or client contact of an engagement, in the order the operator listed them. */
@Entity('engagement_contact')
@Index('engagement_contact_person', ['personId'])
export class EngagementContact {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  engagementId!: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  kind!: ContactKind;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  personId!: string;

  @Column({ type: 'integer' })
  position!: number;
}
