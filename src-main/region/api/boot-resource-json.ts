// The JSON of a boot resource as MAAS 1.8's boot_resource_to_dict: its sets newest first,
// keyed by version, each with its files; an incomplete set or file carries `progress` (%).
import type { ResourceRow, SetRow } from '../stores/boot-resources-store';

const RTYPE_NAME = ['Synced', 'Generated', 'Uploaded'];

/** Upload file types: filetype → stored file name and the cluster's xinstall type. */
export const UPLOAD_FILETYPES: Readonly<Record<string, { file: string; xinstall: string }>> = {
  tgz: { file: 'root-tgz', xinstall: 'tgz' },
  ddtgz: { file: 'root-dd', xinstall: 'dd-tgz' },
};

export const setDone = (s: SetRow): boolean => s.received === s.size;

function setJson(s: SetRow) {
  const complete = setDone(s);
  const progress = complete ? {} : { progress: (100 * s.received) / s.size };
  const file = UPLOAD_FILETYPES[s.filetype].file;
  return {
    version: s.version, label: 'uploaded', size: s.size, complete, ...progress,
    files: { [file]: { filename: file, filetype: file, sha256: s.sha256, size: s.size, complete, ...progress, upload_uri: '' } },
  };
}

/** `sets` null: the list form (no sets), as MAAS's list did. */
export function resourceJson(r: ResourceRow, sets: SetRow[] | null) {
  const base: Record<string, unknown> = {
    id: r.id, type: RTYPE_NAME[r.rtype], name: r.name, architecture: r.architecture,
    resource_uri: `/MAAS/api/1.0/boot-resources/${r.id}/`, ...(r.title ? { title: r.title } : {}),
  };
  if (sets) base.sets = Object.fromEntries(sets.map((s) => [s.version, setJson(s)]));
  return base;
}
