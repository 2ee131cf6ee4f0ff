import { Column, Entity } from 'typeorm';
import { InstantColumn } from '../database/columns';

/**
 * A person said "seen it" to a nudge about a touchpoint: the playbook stops
 * nudging them about it. One row per touchpoint and person; also a response
 * to a nudge, for whoever measures how quickly nudges are answered.
 */
@Entity('nudge_acknowledgement')
export class NudgeAcknowledgement {
  @Column({ type: 'varchar', length: 36, primary: true })
  touchpointId!: string;

  @Column({ type: 'varchar', length: 36, primary: true })
  personId!: string;

  /** The outbox message whose button they clicked. */
  @Column({ type: 'varchar', length: 36 })
  messageId!: string;

  /** The Clock's time of the click. */
  @InstantColumn()
  acknowledgedAt!: Date;
}
