import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DatabaseSlackDedupeStore } from './database-slack-dedupe.store';

/** The SlackDedupeStore the Slack app claims deliveries in. */
export const SLACK_DEDUPE_STORE = Symbol('SLACK_DEDUPE_STORE');

/** In the database, so every instance (and a restarted one) sees the same keys. */
export const slackDedupeStoreProvider: Provider = {
  provide: SLACK_DEDUPE_STORE,
  inject: [getDataSourceToken()],
  useFactory: (dataSource: DataSource) => new DatabaseSlackDedupeStore(dataSource),
};
