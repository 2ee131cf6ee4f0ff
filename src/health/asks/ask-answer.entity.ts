import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn } from '../../database/columns';

/**
 * The client's answer to one ask of a status report. Reports store asks as a
 * list of texts; an answer names its ask by position and keeps the text it
 * answered, so an edit of the report that reorders or rewrites its asks does
 * not move the answer onto a different ask.
 */
@Entity('ask_answer')
@Index('ask_answer_touchpoint_ask', ['touchpointId', 'askIndex'], { unique: true })
@Index('ask_answer_engagement', ['engagementId'])
export class AskAnswer {
  @IdColumn()
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  touchpointId!: string;

  @Column({ type: 'varchar', length: 36 })
  engagementId!: string;

  /** 0-based position in the report's `asks`. */
  @Column({ type: 'integer' })
  askIndex!: number;

  /** The ask as it read when answered. */
  @Column({ type: 'text' })
  askText!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @InstantColumn()
  answeredAt!: Date;
}
