// What a power driver is: a few BMC calls, nothing about retries, locks or timeouts —
// the service (service.ts) owns those, as MAAS's PowerDriver base class did.
import type { RunTool } from './run-tool';
import type { PowerTarget } from './types';

/** Settings that are not power parameters (they belong to the laptop, not to the node). */
export interface DriverConfig {
  /** Where Wake-on-LAN packets go. MAAS's ether_wake broadcast on the cluster's network. */
  wakeOnLan: { address: string; port: number };
  /** Where the BMC of a node with only mac_address is looked up (ipmi, amt). */
  arpTable: string;
  /** ipmi and moonshot: which Debian tool drives the BMC ('auto': ipmitool, else ipmipower). */
  ipmiTool: 'auto' | 'ipmitool' | 'ipmipower';
  /** Scratch directory for tool configs (mode 0700, removed on close). */
  scratchDir: () => Promise<string>;
  /** A 0600 file holding `content` (a password, a tool config) for the length of `fn`. */
  withFile: <T>(name: string, content: string, fn: (path: string) => Promise<T>) => Promise<T>;
}

export interface DriverContext {
  target: PowerTarget;
  params: Record<string, string>;
  /** Aborted when the attempt times out or the service closes. */
  signal: AbortSignal;
  /** Milliseconds this attempt may take; tools get it as their own timeout too. */
  timeoutMs: number;
  run: RunTool;
  config: DriverConfig;
}

export interface PowerDriver {
  /**
   * The BMC (or PDU, hypervisor, broadcast domain) this node is controlled through: the
   * service runs one operation at a time per key. Throws PowerError('bad-parameters').
   */
  bmcKey(params: Record<string, string>): string;
  /** Absent when the hardware cannot say (Wake-on-LAN). */
  query?(ctx: DriverContext): Promise<'on' | 'off'>;
  /** A plain "on": must never reset a machine that is already running. Returns a note. */
  on(ctx: DriverContext): Promise<string | void>;
  off?(ctx: DriverContext): Promise<string | void>;
  /** Asks the OS to shut down (ACPI soft-off); absent: a soft stop falls back to `off`. */
  softOff?(ctx: DriverContext): Promise<string | void>;
  /** Native cycle; without it the service does off, then on. Only used when the node is on. */
  cycle?(ctx: DriverContext): Promise<string | void>;
  /**
   * The change is sent once per action; later rounds of the waiting policy only read the
   * state (a retry is still sent when sending failed). Default: re-sent each round, as
   * MAAS's power loop did, which IPMI BMCs that drop a request need.
   */
  changeOnce?: boolean;
  /** Pause between off and on when the service cycles by hand (APC's power_on_delay). */
  cycleDelayMs?(params: Record<string, string>): number;
}
