// maas/?op=get_config|set_config with MAAS 1.8's documented names and defaults.
import { badRequest } from '../http/errors';
import { json, text, type OpTable } from '../http/context';
import { clip } from '../http/params';
import type { RegionCore } from '../region-core';
import { MAAS_CONFIG, cleanConfigValue, isConfigName } from '../stores/config-store';
import { requireAdmin, userOf } from './access';

const checkName = (name: string) => {
  if (!isConfigName(name)) {
    throw badRequest(`name: Configuration parameter "${clip(name)}" does not exist (known: ${Object.keys(MAAS_CONFIG).join(', ')}).`);
  }
};

export function maasOps(core: RegionCore): OpTable {
  return {
    'GET get_config': (ctx) => {
      userOf(ctx);
      const name = ctx.params.required('name');
      checkName(name);
      return json(core.config.get(name) ?? null);
    },
    'POST set_config': (ctx) => {
      requireAdmin(ctx, 'Changing the configuration');
      const name = ctx.params.required('name');
      checkName(name);
      const r = cleanConfigValue(name, ctx.params.get('value') ?? '');
      if ('problem' in r) throw badRequest(r.problem);
      core.tx(() => core.config.set(name, r.value));
      return text('OK');
    },
  };
}
