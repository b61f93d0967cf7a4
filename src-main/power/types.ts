// The power service's public shapes. Pure Node: no Electron, no console/ or connections/.

/** What the owner asks for. `query` reads the state; the others change it and then check. */
export type PowerAction = 'on' | 'off' | 'cycle' | 'query';

export type PowerState = 'on' | 'off' | 'unknown';

/** One node as the power service sees it: MAAS's power_type and power_parameters. */
export interface PowerTarget {
  systemId: string;
  hostname: string;
  powerType: string;
  params: Record<string, string>;
}

export interface PowerResult {
  /** The state read back from the BMC after the action ('unknown' when the type cannot read it). */
  state: PowerState;
  /** False when nothing had to be done (e.g. "power on" of a node already on). */
  changed: boolean;
  /** Short operator-facing note, e.g. "magic packet sent to 52:54:00:…". Never holds a secret. */
  detail?: string;
}

export type PowerErrorKind =
  | 'unreachable' // no answer from the BMC / PDU / hypervisor
  | 'auth' // the BMC answered and refused the credentials
  | 'tool-missing' // the Debian tool is not installed (message names the package)
  | 'unsupported' // power type or action not supported (manual, vmware, WoL power-off…)
  | 'timeout' // the tool or request ran past its time limit
  | 'bad-parameters' // power parameters missing or malformed (message names which)
  | 'failed'; // anything else the BMC or the tool reported

/** Kinds that another attempt cannot fix (MAAS's PowerFatalError): never retried. */
export const fatalKinds: ReadonlySet<PowerErrorKind> = new Set([
  'auth',
  'tool-missing',
  'unsupported',
  'bad-parameters',
]);

/** A typed power failure. The message is for operators and never contains a password. */
export class PowerError extends Error {
  override readonly name = 'PowerError';
  constructor(
    readonly kind: PowerErrorKind,
    message: string,
  ) {
    super(message);
  }
  get fatal(): boolean {
    return fatalKinds.has(this.kind);
  }
  toJSON(): { kind: PowerErrorKind; message: string } {
    return { kind: this.kind, message: this.message };
  }
}

export type PowerOutcome = PowerResult | PowerError;

/** Who asked: the owner usually records an event for requests, and only changes for polls. */
export interface PowerResultMeta {
  source: 'request' | 'poll';
}

/** Called once per finished operation so the owner records power_state and an event. */
export type OnPowerResult = (
  systemId: string,
  action: PowerAction,
  result: PowerOutcome,
  meta: PowerResultMeta,
) => void;

export interface PowerService {
  on(t: PowerTarget): Promise<PowerResult>;
  /** `soft`: MAAS's stop_mode=soft — an OS shutdown where the type supports it, else hard. */
  off(t: PowerTarget, opts?: { soft?: boolean }): Promise<PowerResult>;
  cycle(t: PowerTarget): Promise<PowerResult>;
  query(t: PowerTarget): Promise<PowerResult>;
  /** Stops polling, waits for nothing more to start, kills running tools. */
  close(): Promise<void>;
}
