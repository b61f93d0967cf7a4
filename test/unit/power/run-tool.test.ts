import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createPowerService, PowerError } from '../../../src-main/power';
import { createRunTool } from '../../../src-main/power/run-tool';

let home: string;
beforeEach(async () => { home = await mkdtemp(join(tmpdir(), 'run-tool-')); });
afterEach(() => rm(home, { recursive: true, force: true }));

const run = () => createRunTool({ home: async () => home });

test('a missing tool is tool-missing, naming the Debian package', async () => {
  const e = await run()({ command: 'no-such-power-tool', args: [], debianPackage: 'some-package', signal: new AbortController().signal, timeoutMs: 5000 }).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(PowerError);
  expect(e).toMatchObject({ kind: 'tool-missing', message: expect.stringContaining('apt-get install some-package') });
});

test('with neither ipmitool nor ipmipower on PATH, the ipmi error names both packages', async () => {
  const saved = process.env.PATH;
  process.env.PATH = home; // an empty directory
  const s = createPowerService({ queryAttempts: 1 });
  try {
    const t = { systemId: 'x', hostname: 'x', powerType: 'ipmi', params: { power_address: '127.0.0.1', power_user: 'u', power_pass: 'long-enough-pw' } };
    await expect(s.query(t)).rejects.toMatchObject({ kind: 'tool-missing', message: expect.stringMatching(/ipmitool.*freeipmi-tools/) });
  } finally {
    process.env.PATH = saved;
    await s.close();
  }
});

test('the time limit kills the tool and everything it started', async () => {
  const marker = join(home, 'survived');
  const t0 = Date.now();
  const e = await run()({
    command: 'sh', args: ['-c', `(sleep 1; touch ${marker}) & sleep 30`], debianPackage: 'dash',
    signal: new AbortController().signal, timeoutMs: 200,
  }).catch((x: unknown) => x);
  expect(e).toMatchObject({ kind: 'timeout' });
  expect(Date.now() - t0).toBeLessThan(10_000);
  await new Promise((r) => setTimeout(r, 1500));
  expect(existsSync(marker)).toBe(false); // the background child died with its group
});

test('tools get a private HOME and only the environment they are given', async () => {
  process.env.USER_SECRET_LEAK = 'leak'; // the app's own environment is not passed on
  try {
    const out = await run()({ command: 'sh', args: ['-c', 'echo "$HOME|$SECRET_FOR_TOOL|$USER_SECRET_LEAK"'], debianPackage: 'dash', env: { SECRET_FOR_TOOL: 's3' }, signal: new AbortController().signal, timeoutMs: 5000 });
    expect(out.stdout.trim()).toBe(`${home}|s3|`);
  } finally {
    delete process.env.USER_SECRET_LEAK;
  }
});
