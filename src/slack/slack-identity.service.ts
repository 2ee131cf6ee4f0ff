import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../core/errors/domain-error';
import { Person } from '../people/person.entity';

/** Who is clicking or typing in Slack: the Cadence person whose `slackUserId` it is. */
@Injectable()
export class SlackIdentity {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The person linked to `slackUserId`. Refuses, in words the person can act
   * on, a Slack account linked to nobody or to more than one person: acting
   * for the wrong one would be worse than not acting.
   */
  async personFor(slackUserId: string): Promise<Person> {
    const people = await this.dataSource
      .getRepository(Person)
      .find({ where: { slackUserId }, order: { createdAt: 'ASC' }, take: 2 });
    const [person] = people;
    if (person === undefined) {
      throw new DomainError(
        'SLACK_USER_NOT_LINKED',
        `Your Slack account is not linked to a Cadence person. Ask your Cadence admin to set your Slack user id (${slackUserId}) on your person.`,
        403,
      );
    }
    if (people.length > 1) {
      throw new DomainError(
        'SLACK_USER_AMBIGUOUS',
        'Your Slack account is linked to more than one Cadence person, so Cadence cannot tell who you are. Ask your Cadence admin to keep it on one person only.',
        409,
      );
    }
    return person;
  }
}
