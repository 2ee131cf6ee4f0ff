import type { Provider } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { Clock, ManualClock, SystemClock } from './clock';

export const clockProvider: Provider = {
  provide: Clock,
  inject: [AppConfig],
  useFactory: (config: AppConfig): Clock =>
    config.clock.mode === 'manual'
      ? new ManualClock(config.clock.start ?? new SystemClock().now())
      : new SystemClock(),
};
