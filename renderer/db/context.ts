/**
 * What every repository function takes: the open database, who this device is, and its clock. Only the type
 * lives here (repositories import it); opening the database is open.ts, which calls some repositories.
 */
import type { Clock } from '../../shared/sync/hlc';
import type { Device } from '../../shared/domain/types';
import type { SkhodDb } from './database';

/** Everything a repository function needs: the database, who this device is, and its clock. */
export type DbContext = {
  db: SkhodDb;
  device: Device;
  clock: Clock;
};
