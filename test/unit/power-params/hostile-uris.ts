// libvirt URIs that make virsh run a program, use another socket or trust other keys.
// Shared by every path that takes power parameters (region API, probe, field kit).
// `marker` is the program that must never run.
export function hostileLibvirtUris(marker: string): string[] {
  return [
    `qemu+ext:///system?command=${marker}`,
    `qemu+ssh://h/system?command=${marker}`,
    `qemu+ssh://h/system?netcat=${marker}`,
    `qemu+ssh://h/system?proxy=${marker}`,
    'qemu+ssh://h/system?keyfile=/tmp/attacker-key',
    'qemu+tls://h/system?no_verify=1',
    'qemu+tls://h/system?pkipath=/tmp/attacker-pki',
    'qemu+ssh://h/system?no_tty=1',
    'qemu+unix:///system?socket=/tmp/attacker.sock',
    'qemu:///system?socket=/tmp/attacker.sock',
    `ext:///system?command=${marker}`,
    `test+ext:///default?command=${marker}`,
    `QEMU+EXT:///system?COMMAND=${marker}`,
    `qemu+ssh://h/system?%63ommand=${marker}`,
    `qemu%2Bext:///system?command=${marker}`,
    `qemu+ssh://-oProxyCommand=${marker}/system`,
    `qemu+ssh://u@-oProxyCommand=${marker}/system`,
    `qemu+ssh://-oProxyCommand=${marker}@h/system`,
    `-oProxyCommand=${marker}`,
    `qemu+ssh://h/system#?command=${marker}`,
    `qemu+ssh://h/system\n?command=${marker}`,
  ];
}

/** Addresses real users write: they must keep working. */
export const goodLibvirtUris = [
  'qemu+ssh://user@host/system',
  'qemu+ssh://ubuntu@10.0.0.2/system',
  'qemu+ssh://maas@kvm-01.lab:2222/system',
  'qemu+ssh://[fd00::2]/system',
  'qemu:///system',
  'qemu:///session',
  'qemu+tcp://127.0.0.1:16509/system',
  'qemu+tls://kvm.example.com/system',
  'test:///default',
  'test:///tmp/vitest-1/host.xml',
  'test+tcp://127.0.0.1:16509/default',
];
