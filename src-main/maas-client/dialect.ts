// Where API 1.0 and API 2.0 differ (shared/reference/maas-behaviour.md, "API 2.0"): the
// collection is `nodes/` or `machines/`, bulk ids go in `nodes=` or `machines=`, the tag
// membership read is `op=nodes` or `op=machines`, listing is `op=list` or a plain read,
// creation is `op=new` or a plain POST, and power is `start`/`stop` or `power_on`/`power_off`.
// Events, zones, set_zone (on `nodes/` in both) and tag update_nodes are the same.
import type { ApiVersion } from '../../src-shared/maas/maas-types';

export interface Dialect {
  api: ApiVersion;
  collection: 'nodes/' | 'machines/';
  idsParam: 'nodes' | 'machines';
  listOp: string | undefined;
  tagNodesOp: 'nodes' | 'machines';
  tagsListOp: string | undefined;
  createOp: string | undefined;
  powerOnOp: string;
  powerOffOp: string;
  /** 2.0 takes a comment on release and power changes; 1.0 has no such parameter. */
  takesComment: boolean;
}

export const dialects: Record<ApiVersion, Dialect> = {
  '1.0': {
    api: '1.0', collection: 'nodes/', idsParam: 'nodes', listOp: 'list', tagNodesOp: 'nodes',
    tagsListOp: 'list', createOp: 'new', powerOnOp: 'start', powerOffOp: 'stop', takesComment: false,
  },
  '2.0': {
    api: '2.0', collection: 'machines/', idsParam: 'machines', listOp: undefined, tagNodesOp: 'machines',
    tagsListOp: undefined, createOp: undefined, powerOnOp: 'power_on', powerOffOp: 'power_off', takesComment: true,
  },
};
