import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../core/config/config.loader';
import { dataSourceOptions } from './data-source';

/** For the TypeORM CLI: `npm run migration:run`, `migration:revert`, `migration:show`. */
export default new DataSource(dataSourceOptions(loadConfig({ env: process.env }).database));
