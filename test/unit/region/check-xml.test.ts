import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkDetailsXml } from '../../../src-main/region/details/check-xml';

const b = (s: string) => Buffer.from(s);

describe('details XML check', () => {
  test('the lshw fixture is accepted; memory and CPUs are read as MAAS did', () => {
    const r = checkDetailsXml(readFileSync(new URL('../../fixtures/lshw/kvm-epyc-vm.xml', import.meta.url)), 'lshw');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.facts.memoryMiB).toBe(24576);
      expect(r.facts.cpuCount).toBeGreaterThan(0);
    }
  });

  test('cores settings count; disabled processors do not', () => {
    const r = checkDetailsXml(b(`<node id="m"><node id="core"><node id="cpu:0" class="processor"><configuration>
      <setting id="cores" value="8"/></configuration></node><node id="cpu:1" class="processor" disabled="true"/>
      <node id="cpu:2" class="processor"/></node></node>`), 'lshw');
    expect(r).toMatchObject({ ok: true, facts: { cpuCount: 9 } });
  });

  test('LLDP router MACs: //chassis/id[@type="mac"]', () => {
    const r = checkDetailsXml(b(`<lldp><interface name="eth0"><chassis><id type="mac">00:11:22:AA:BB:CC</id></chassis></interface>
      <interface name="eth1"><chassis><id type="local">x</id></chassis></interface></lldp>`), 'lldp');
    expect(r).toEqual({ ok: true, facts: { routers: ['00:11:22:aa:bb:cc'] } });
  });

  test.each([
    ['not XML', 'hello'],
    ['unclosed', '<list><node>'],
    ['two roots', '<a/><b/>'],
    ['billion laughs', `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>`],
    ['external entity', `<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>`],
    ['external DTD', `<!DOCTYPE foo SYSTEM "http://127.0.0.1:1/x.dtd"><foo/>`],
    ['undeclared entity', '<foo>&xxe;</foo>'],
  ])('%s is refused with a reason', (_, xml) => {
    const r = checkDetailsXml(b(xml), 'lshw');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^lshw: /);
  });

  test('invalid UTF-8 is refused', () => {
    expect(checkDetailsXml(Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e]), 'lldp').ok).toBe(false);
  });
});
