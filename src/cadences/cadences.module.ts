import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarsModule } from '../calendars/calendars.module';
import { EngagementsModule } from '../engagements/engagements.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { Cadence } from './cadence.entity';
import { CadencesController } from './cadences.controller';
import { CadencesService } from './cadences.service';
import { ForecastService } from './forecast/forecast.service';
import { InvitesJob } from './invites/invites.job';
import { InvitesService } from './invites/invites.service';
import { HorizonJob } from './planning/horizon.job';
import { PlannerService } from './planning/planner.service';
import { PlanningContextLoader } from './planning/planning-context.loader';
import { ReplanListener } from './planning/replan.listener';
import { Touchpoint } from './touchpoint.entity';
import { TouchpointsController } from './touchpoints.controller';
import { TouchpointsService } from './touchpoints.service';

/** Cadences, the planner that turns them into touchpoints, and the invites that follow. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Cadence, Touchpoint]),
    CalendarsModule,
    EngagementsModule,
    NotificationsModule,
  ],
  controllers: [CadencesController, TouchpointsController],
  providers: [
    CadencesService,
    TouchpointsService,
    ForecastService,
    PlanningContextLoader,
    PlannerService,
    InvitesService,
    InvitesJob,
    HorizonJob,
    ReplanListener,
  ],
  exports: [PlannerService, PlanningContextLoader, TouchpointsService, InvitesService, ForecastService],
})
export class CadencesModule {}
