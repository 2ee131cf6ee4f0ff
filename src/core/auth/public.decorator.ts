import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'cadence:public';

/**
 * Opts a route out of the API token: the health check, the vendor form (which
 * has its own capability token) and the Slack endpoint (which has signatures).
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
