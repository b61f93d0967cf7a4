// Settings database migrations, numbered in tens, forward only. Areas that keep more in the
// settings database (offline snapshots, change sets) append their steps here.
import type { Migration } from '../../sqlite/migrate';
import { connectionProfiles } from './0010-connection-profiles';
import { fieldkitTables } from './0020-fieldkit';
import { changeSets } from './0030-change-sets';
import { remoteSnapshots } from './0040-remote-snapshots';
import { snapshotNodeDetails } from './0060-snapshot-node-details';
import { changeSetBatches } from './0070-change-set-batches';
import { nodeDetailsHome } from './0080-node-details';
import { snapshotOffers } from './0090-snapshot-offers';

export const settingsMigrations: Migration[] = [connectionProfiles, fieldkitTables, changeSets, remoteSnapshots, snapshotNodeDetails, changeSetBatches, nodeDetailsHome, snapshotOffers];
