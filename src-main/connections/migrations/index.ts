// Settings database migrations, numbered in tens, forward only. Areas that keep more in the
// settings database (offline snapshots, change sets) append their steps here.
import type Database from 'better-sqlite3';
import { connectionProfiles } from './0010-connection-profiles';

export interface Migration {
  version: number;
  up(db: Database.Database): void;
}

export const settingsMigrations: Migration[] = [connectionProfiles];
