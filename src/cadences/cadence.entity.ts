import { Column, Entity, Index } from 'typeorm';
import type { LocalTime, Weekday } from '../calendars/domain/calendar.types';
import { IdColumn, InstantColumn, JsonColumn, LocalDateColumn } from '../database/columns';
import type { CadenceFrequency, HolidayPolicy } from './domain/cadence.types';

export const CADENCE_KINDS = ['meeting', 'status_report'] as const;
export type CadenceKind = (typeof CADENCE_KINDS)[number];

/** A recurring touchpoint of an engagement: a meeting or a status report. */
@Entity('cadence')
@Index('cadence_engagement', ['engagementId'])
export class Cadence {
  @IdColumn()
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  engagementId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: CadenceKind;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 10 })
  frequency!: CadenceFrequency;

  @Column({ type: 'varchar', length: 5 })
  holidayPolicy!: HolidayPolicy;

  /** First local date an occurrence may fall on (organizer's for meetings, vendor's for reports). */
  @LocalDateColumn()
  startsOn!: string;

  /** Meetings: minutes. */
  @Column({ type: 'integer', nullable: true })
  durationMinutes!: number | null;

  /** Meetings: everyone invited, the organizer first. */
  @JsonColumn()
  participantIds!: string[];

  /** Meetings: whose local time stays put week after week. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  organizerId!: string | null;

  @JsonColumn()
  preferredWeekdays!: Weekday[];

  /** Meetings: the organizer-local weekday and time chosen at creation. Reports: the due slot. */
  @Column({ type: 'varchar', length: 3 })
  weekday!: Weekday;

  @Column({ type: 'varchar', length: 5 })
  time!: LocalTime;

  /** False once the cadence is stopped; its future touchpoints are cancelled. */
  @Column({ type: 'boolean' })
  active!: boolean;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;
}
