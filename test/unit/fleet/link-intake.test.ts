// What the OS hands the app as a link: only the console's own shapes pass, re-written.
import { expect, test } from 'vitest';
import { linkFromArgv, linkFromUrl } from '../../../src-main/ipc/link-intake';

test('a second start with a link hands its checked path to the window', () => {
  expect(linkFromArgv(['/opt/MAAS Console/maas-console', '--no-sandbox', 'maas-console://node/local/4y3h7n'])).toBe('node/local/4y3h7n');
  expect(linkFromArgv(['/usr/bin/maas-console'])).toBeNull();
  expect(linkFromUrl('MAAS-CONSOLE://fleet?q=server%3Alab')).toBe('fleet?q=server%3Alab');
});

test('arguments that only look like links are dropped', () => {
  for (const argv of [['maas-console://node/local/x;rm -rf ~'], ['maas-console://node/../../etc/passwd'], ['--maas-console://node/a/b'], ['javascript:alert(1)']]) {
    expect(linkFromArgv(argv), argv[0]).toBeNull();
  }
});
