import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFound } from '../core/errors/domain-error';
import { Person } from '../people/person.entity';

/** Finds the executive a digest route names. */
@Injectable()
export class ExecutiveLookupService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The person, when they are an executive. Anyone else is answered exactly
   * like an unknown id (404 EXECUTIVE_NOT_FOUND): only executives have digests.
   */
  async find(id: string): Promise<Person> {
    const person = await this.dataSource.getRepository(Person).findOneBy({ id });
    if (person === null || person.role !== 'executive') throw new NotFound('executive', id);
    return person;
  }
}
