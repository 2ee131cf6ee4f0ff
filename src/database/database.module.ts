import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../core/config/app-config';
import { dataSourceOptions } from './data-source';
import { runMigrations } from './run-migrations';

/** Connects, runs pending migrations, and hands out repositories. */
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(config.database), retryAttempts: 0 }),
          dataSourceFactory: async (options?: DataSourceOptions) => {
            if (!options) throw new Error('no data source options');
            const dataSource = new DataSource(options);
            try {
              await dataSource.initialize();
            } catch (error) {
              throw new Error(
                `Cannot open the database (${describeTarget(config)}): ${(error as Error).message}`,
              );
            }
            const applied = await runMigrations(dataSource);
            if (applied.length > 0) new Logger('Database').log(`applied migrations: ${applied.join(', ')}`);
            return dataSource;
          },
        }),
      ],
    };
  }
}

function describeTarget(config: AppConfig): string {
  if (config.database.kind === 'sqlite') return `SQLite file ${config.database.path}`;
  const url = new URL(config.database.url);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
