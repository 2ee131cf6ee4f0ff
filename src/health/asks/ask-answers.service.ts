import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Touchpoint } from '../../cadences/touchpoint.entity';
import { Clock } from '../../core/clock/clock';
import { Conflict, DomainError, NotFound, ValidationFailed } from '../../core/errors/domain-error';
import { isUniqueViolation } from '../../database/unique-violation';
import { StatusReport } from '../../reports/status-report.entity';
import { AskAnswer } from './ask-answer.entity';
import type { AnswerAskDto, AskAnswerView } from './ask-answer.dto';

/**
 * Records that the client answered an ask of a status report. Until then the
 * ask counts against the engagement's `unanswered_asks` signal (an ask of the
 * client left waiting is the client's side of the relationship slipping).
 * Idempotent: answering an answered ask returns the first answer.
 */
@Injectable()
export class AskAnswersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** @throws ValidationFailed (index), NotFound (touchpoint, report, ask), Conflict NOT_A_REPORT. */
  async answer(touchpointId: string, rawIndex: string, dto: AnswerAskDto): Promise<AskAnswerView> {
    if (!/^\d{1,4}$/.test(rawIndex)) {
      throw new ValidationFailed({ index: "must be the 0-based position of an ask in the report's asks" });
    }
    const index = Number(rawIndex);
    const touchpoint = await this.dataSource.getRepository(Touchpoint).findOneBy({ id: touchpointId });
    if (touchpoint === null) throw new NotFound('touchpoint', touchpointId);
    if (touchpoint.kind !== 'status_report') {
      throw new Conflict(
        'NOT_A_REPORT',
        `Touchpoint ${touchpointId} is a ${touchpoint.kind}, not a status report.`,
      );
    }
    const report = await this.dataSource.getRepository(StatusReport).findOneBy({ touchpointId });
    if (report === null) {
      throw new DomainError(
        'REPORT_NOT_FOUND',
        `No report has been sent for touchpoint ${touchpointId} yet.`,
        404,
      );
    }
    const ask = report.asks[index];
    if (ask === undefined) {
      throw new DomainError(
        'ASK_NOT_FOUND',
        `The report has ${report.asks.length} ask${report.asks.length === 1 ? '' : 's'}; there is none at position ${index}.`,
        404,
      );
    }

    const answers = this.dataSource.getRepository(AskAnswer);
    const existing = await answers.findOneBy({ touchpointId, askIndex: index });
    if (existing !== null && existing.askText === ask.text) return toView(existing);
    const answer = Object.assign(existing ?? new AskAnswer(), {
      id: existing?.id ?? randomUUID(),
      touchpointId,
      engagementId: touchpoint.engagementId,
      askIndex: index,
      askText: ask.text,
      note: dto.note ?? null,
      answeredAt: this.clock.now().toJSDate(),
    });
    try {
      // An answer stored for this position before the vendor rewrote the ask there is replaced.
      await answers.save(answer);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Answered from elsewhere at the same moment: theirs stands.
      return toView(await answers.findOneByOrFail({ touchpointId, askIndex: index }));
    }
    return toView(answer);
  }
}

function toView(answer: AskAnswer): AskAnswerView {
  return {
    touchpointId: answer.touchpointId,
    index: answer.askIndex,
    text: answer.askText,
    answeredAt: answer.answeredAt.toISOString(),
    note: answer.note,
  };
}
