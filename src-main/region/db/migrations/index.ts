// Every migration, in order. Numbers go up in tens, so a fix can slot in between.
import type { Migration } from '../migrate';
import { initialSchema } from './0010-initial-schema';

export const migrations: readonly Migration[] = [initialSchema];
