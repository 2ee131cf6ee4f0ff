import { Injectable } from '@nestjs/common';

/**
 * Whether this instance is shutting down. Once draining, readiness answers 503
 * so a load balancer stops sending traffic, while requests already in flight
 * and sends already started are allowed to finish.
 */
@Injectable()
export class DrainState {
  private started = false;

  get draining(): boolean {
    return this.started;
  }

  start(): void {
    this.started = true;
  }
}
