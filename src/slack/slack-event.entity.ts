import { Column, Entity, Index } from 'typeorm';
import { InstantColumn } from '../database/columns';

/** One Slack delivery taken on (an event id or a click's trigger id), kept while Slack may retry it. */
@Entity('slack_event')
@Index('slack_event_received_at', ['receivedAt'])
export class SlackEvent {
  @Column({ type: 'varchar', length: 255, primary: true })
  key!: string;

  /** Real (wall-clock) time it first arrived: Slack retries on real time. */
  @InstantColumn()
  receivedAt!: Date;
}
