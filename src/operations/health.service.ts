import { Injectable } from '@nestjs/common';
import { Clock } from '../core/clock/clock';
import { DatabaseProbe } from './database-probe';
import { DrainState } from './drain-state';
import type { ServiceHealthView, LivenessView, ReadinessView } from './health.dto';

/**
 * Liveness says the process is up (restart it if not); readiness says it
 * should get traffic (database reachable, not draining). Both go to 503 once
 * shutdown starts, since the process is about to exit either way.
 */
@Injectable()
export class HealthService {
  constructor(
    private readonly database: DatabaseProbe,
    private readonly drain: DrainState,
    private readonly clock: Clock,
  ) {}

  async health(): Promise<ServiceHealthView> {
    const database = await this.database.check();
    const ok = database.status === 'up' && !this.drain.draining;
    return { status: ok ? 'ok' : 'unavailable', checks: { database }, time: this.now() };
  }

  live(): LivenessView {
    return { status: this.drain.draining ? 'draining' : 'ok', time: this.now() };
  }

  async ready(): Promise<ReadinessView> {
    const draining = this.drain.draining;
    // A draining instance is not ready whatever its database says; skip the round trip.
    const database = draining ? { status: 'up' as const } : await this.database.check();
    const ok = database.status === 'up' && !draining;
    return { status: ok ? 'ok' : 'unavailable', checks: { database, draining }, time: this.now() };
  }

  private now(): string {
    return this.clock.now().toISO();
  }
}
