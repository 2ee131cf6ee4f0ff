import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlaybooksModule } from '../follow-ups/playbooks.module';
import { Person } from '../people/person.entity';
import { BlackoutDay } from './blackout.entity';
import { BlackoutsService } from './blackouts.service';
import { Engagement } from './engagement.entity';
import { EngagementContact } from './engagement-contact.entity';
import { EngagementsController } from './engagements.controller';
import { EngagementsService } from './engagements.service';

@Module({
  imports: [TypeOrmModule.forFeature([Engagement, EngagementContact, BlackoutDay, Person]), PlaybooksModule],
  controllers: [EngagementsController],
  providers: [EngagementsService, BlackoutsService],
  exports: [EngagementsService, BlackoutsService],
})
export class EngagementsModule {}
