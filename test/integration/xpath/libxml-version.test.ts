// The exact path runs the libxml2 MAAS's lxml runs: the vendored build (vendor/libxml2-2.9)
// must be the version python3-lxml uses here, the reference every XPath test compares with.
import { execFileSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { Libxml } from '../../../src-main/xpath/libxml';

test("the exact path's libxml2 is python3-lxml's, a 2.9 as in MAAS", async () => {
  const lxml = execFileSync('/usr/bin/python3', ['-c', 'import lxml.etree as e; print(".".join(map(str, e.LIBXML_VERSION)))'], { encoding: 'utf8' }).trim();
  const ours = (await Libxml.create()).version;
  expect(ours).toMatch(/^2\.9\.\d+$/);
  expect(ours).toBe(lxml);
});
