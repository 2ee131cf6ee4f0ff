import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { API_TOKEN, apiTokenProvider } from './auth/api-token.provider';
import { ApiTokenGuard } from './auth/api-token.guard';
import { clockProvider } from './clock/clock.provider';
import { Clock } from './clock/clock';
import { ClockController } from './clock/clock.controller';
import { AppConfig } from './config/app-config';
import { HttpExceptionFilter } from './errors/http-exception.filter';
import { DomainEvents } from './events/domain-events';
import { SchedulerService } from './scheduler/scheduler.service';
import { createValidationPipe } from './validation/validation.pipe';

/** Config, clock, scheduler, auth, errors and validation: what every feature stands on. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      controllers: [ClockController],
      providers: [
        { provide: AppConfig, useValue: config },
        clockProvider,
        apiTokenProvider,
        SchedulerService,
        DomainEvents,
        { provide: APP_GUARD, useClass: ApiTokenGuard },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: [AppConfig, Clock, API_TOKEN, SchedulerService, DomainEvents],
    };
  }
}
