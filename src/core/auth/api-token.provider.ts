import type { Provider } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { resolveApiToken } from './api-token';

export const API_TOKEN = Symbol('API_TOKEN');

export const apiTokenProvider: Provider = {
  provide: API_TOKEN,
  inject: [AppConfig],
  useFactory: (config: AppConfig) => resolveApiToken(config.auth.apiToken, config.dataDir),
};
