// Every migration, in order. Numbers go up in tens, so a fix can slot in between.
import type { Migration } from '../../../sqlite/migrate';
import { initialSchema } from './0010-initial-schema';
import { networksBootScriptsKeys } from './0020-networks-boot-scripts-keys';
import { stickyIps } from './0030-sticky-ips';
import { stickyIpsFollowMacs } from './0040-sticky-ips-follow-macs';
import { bootResourceSets } from './0050-boot-resource-sets';
import { nodeRevisions } from './0060-node-revisions';

export const migrations: readonly Migration[] = [initialSchema, networksBootScriptsKeys, stickyIps, stickyIpsFollowMacs, bootResourceSets, nodeRevisions];
