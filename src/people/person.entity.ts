import { Entity, Index } from 'typeorm';
import { Column } from 'typeorm';
import type { Weekday } from '../calendars/domain/calendar.types';
import { IdColumn, InstantColumn, LocalTimeColumn } from '../database/columns';

export const ROLES = ['account_manager', 'executive', 'vendor_contact', 'client_contact'] as const;
export type Role = (typeof ROLES)[number];

@Entity('person')
export class Person {
  @IdColumn()
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Stored lower-cased: one person per address. */
  @Index('person_email_unique', { unique: true })
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @Column({ type: 'varchar', length: 64 })
  timeZone!: string;

  @Column({ type: 'varchar', length: 2 })
  country!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  region!: string | null;

  /** Comma-separated weekdays in Monday-first order, e.g. `sun,mon,tue,wed,thu`. */
  @Column({
    type: 'varchar',
    length: 27,
    transformer: {
      to: (days: readonly Weekday[] | undefined) => days?.join(','),
      from: (value: string) => value.split(',') as Weekday[],
    },
  })
  workWeek!: Weekday[];

  @LocalTimeColumn()
  workingHoursStart!: string;

  @LocalTimeColumn()
  workingHoursEnd!: string;

  @Column({ type: 'varchar', length: 35 })
  locale!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  slackUserId!: string | null;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;
}
