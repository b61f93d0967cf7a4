// One machine's operations as MAAS 3.x performs them (src/maasserver/api/machines.py and
// nodes.py, the rules of node_action.py and models/node.py). In-progress states end when the
// test calls `settle` (a real machine boots and reports back), into the state MAAS then records.
import { macsOf, statusNameOf, type ReplayMachine } from './machine';
import { texts } from './texts';

export type Reply = { status: number; body: unknown; type?: string };
export const text = (status: number, body: string): Reply => ({ status, body, type: 'text/plain; charset=utf-8' });
export const formErrors = (errors: Record<string, string[]>): Reply => ({ status: 400, body: errors });

/** Statuses each action applies to (node_action.py `actionable_statuses`, MAAS 3.x). */
const COMMISSIONABLE = [0, 2, 4, 8];
const TESTABLE = [2, 0, 4, 5, 10, 11, 6, 3, 7, 8, 16, 13, 15, 18, 20, 22];
const RESCUABLE = [0, 2, 4, 5, 10, 11, 6, 3, 7, 8, 15, 18, 20, 22];
const EXITS_RESCUE = [16, 17, 18, 20];
/** The status an in-progress status settles into (a machine that boots and reports success). */
const SETTLES: Record<number, (m: ReplayMachine) => number> = {
  1: () => 4, 9: () => 6, 12: () => 4, 14: () => 4, 17: () => 16, 19: (m) => m.previous_status, 21: (m) => m.previous_status,
};

export interface OpContext {
  form: (k: string) => string[];
  scripts: { commissioning: string[]; testing: string[] };
  releases: string[];
  /** Whether `deploy` allocates a Ready machine itself (MAAS 3.x) or refuses it (older 2.x). */
  deployAllocates: boolean;
  record: (m: ReplayMachine, type: string, description: string) => void;
}

function move(c: OpContext, m: ReplayMachine, to: number): void {
  m.status_message = `From '${statusNameOf(m.status)}' to '${statusNameOf(to)}'`;
  c.record(m, 'Node changed status', m.status_message);
  m.status = to;
}

const flag = (c: OpContext, k: string) => ['1', 'true', 'True', 'on'].includes(c.form(k)[0] ?? '');

/** Script names a form names (comma-separated or repeated), checked against what the server has. */
function badScripts(c: OpContext, field: string, known: string[]): Reply | null {
  const names = c.form(field).flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
  const bad = names.find((n) => n !== 'none' && !known.includes(n));
  return bad ? formErrors({ [field]: [texts.badChoice(bad)] }) : null;
}

export function machineOp(c: OpContext, m: ReplayMachine, op: string): Reply | null {
  const locked = m.locked && !['unlock', 'power_on', 'power_off', 'query_power_state'].includes(op);
  switch (op) {
    case 'commission': {
      if (locked || !COMMISSIONABLE.includes(m.status)) return formErrors({ __all__: [texts.notAvailable('Commission')] });
      const bad = badScripts(c, 'commissioning_scripts', c.scripts.commissioning) ?? badScripts(c, 'testing_scripts', c.scripts.testing);
      if (bad) return bad;
      m.previous_status = m.status;
      move(c, m, 1);
      m.power_state = 'on';
      c.record(m, 'Commissioning', `enable_ssh=${flag(c, 'enable_ssh')} skip_networking=${flag(c, 'skip_networking')} skip_storage=${flag(c, 'skip_storage')}`);
      return null;
    }
    case 'test': {
      if (locked || !TESTABLE.includes(m.status)) return formErrors({ __all__: [texts.notAvailable('Test')] });
      const bad = badScripts(c, 'testing_scripts', c.scripts.testing);
      if (bad) return bad;
      m.previous_status = m.status;
      move(c, m, 21);
      return null;
    }
    case 'abort': {
      const back: Record<number, number> = { 1: m.previous_status, 9: 10, 21: m.previous_status, 14: 15 };
      if (!(m.status in back)) return text(409, texts.cannotAbort(m.system_id, m.status));
      move(c, m, back[m.status]);
      return null;
    }
    case 'deploy': {
      if (locked) return text(409, texts.cannotDeploy(m.status));
      if (m.status === 4 && c.deployAllocates && m.owner === null) { m.owner = 'admin'; move(c, m, 10); }
      if (m.status !== 10 && m.status !== 11) return text(409, texts.cannotDeploy(m.status));
      const asked = c.form('distro_series')[0] ?? 'jammy';
      const series = asked.includes('/') ? asked.split('/')[1] : asked;
      if (!c.releases.includes(series)) return formErrors({ distro_series: [texts.invalidChoice('distro_series', asked, c.releases.map((r) => `ubuntu/${r}`))] });
      m.osystem = 'ubuntu';
      m.distro_series = series;
      m.hwe_kernel = c.form('hwe_kernel')[0] || `ga-${series === 'noble' ? '24.04' : series === 'focal' ? '20.04' : '22.04'}`;
      move(c, m, 9);
      m.power_state = 'on';
      if (c.form('user_data')[0]) c.record(m, 'Deploying', `user_data ${Buffer.from(c.form('user_data')[0], 'base64').length} bytes`);
      return null;
    }
    case 'rescue_mode':
      if (locked || !RESCUABLE.includes(m.status)) return text(409, texts.invalidTransition(m.status, 17));
      m.previous_status = m.status;
      move(c, m, 17);
      return null;
    case 'exit_rescue_mode':
      if (!EXITS_RESCUE.includes(m.status)) return text(409, texts.invalidTransition(m.status, 19));
      move(c, m, 19);
      return null;
    case 'lock':
      if (m.locked) return text(409, texts.alreadyLocked);
      if (m.status !== 6 && m.status !== 9) return text(409, texts.lockNotDeployed);
      m.locked = true;
      m.status_message = '(admin)';
      return null;
    case 'unlock':
      if (!m.locked) return text(409, texts.notLocked);
      m.locked = false;
      return null;
    case 'mark_broken':
      if (locked) return text(409, texts.invalidTransition(m.status, 8));
      m.owner = null;
      move(c, m, 8);
      return null;
    case 'mark_fixed':
      if (m.status !== 8) return text(409, texts.markFixedNotBroken);
      move(c, m, 4);
      return null;
    case 'override_failed_testing':
      if (m.status !== 22) return text(409, texts.invalidTransition(m.status, m.previous_status));
      move(c, m, m.previous_status === 22 ? 4 : m.previous_status);
      return { status: 204, body: '' };
    case 'power_on': m.power_state = 'on'; return null;
    case 'power_off': m.power_state = 'off'; return null;
    default: return { status: -1, body: '' };
  }
}

/** Ends in-progress states as a booted machine would report (Commissioning → Ready…). */
export function settle(c: Pick<OpContext, 'record'>, m: ReplayMachine, outcome: 'passes' | 'fails' = 'passes'): void {
  const fail: Record<number, number> = { 1: 2, 9: 11, 12: 13, 14: 15, 17: 18, 19: 20, 21: 22 };
  const to = outcome === 'fails' ? fail[m.status] : SETTLES[m.status]?.(m);
  if (to === undefined) return;
  move({ record: c.record } as OpContext, m, to);
  if (to === 6 && m.ip_addresses.length === 0) m.ip_addresses = [`10.20.0.${(macsOf(m)[0]?.split(':').map((h) => parseInt(h, 16)).at(-1) ?? 9) + 10}`];
  if (to === 4 || to === 18 || to === 2) m.power_state = 'off';
}
