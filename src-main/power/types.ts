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
  | 'privilege' // the credentials were accepted, but the account may not do this
  | 'timeout' // the tool or request ran past its time limit, or the device stopped mid-dialogue
  | 'protocol' // the device answered something that is not what its protocol says
  | 'tool-missing' // the Debian tool is not installed (message names the package)
  | 'unsupported' // power type or action not supported (manual, vmware, WoL power-off…)
  | 'bad-parameters' // power parameters missing or malformed (message names which)
  | 'failed'; // the device understood and reported that the operation failed

/**
 * Kinds that another attempt cannot fix (MAAS's PowerFatalError): never retried. A device
 * that speaks another protocol does not learn it in the next few seconds either; only an
 * unanswered, timed-out or failed operation is worth repeating.
 */
export const fatalKinds: ReadonlySet<PowerErrorKind> = new Set([
  'auth',
  'privilege',
  'protocol',
  'tool-missing',
  'unsupported',
  'bad-parameters',
]);

/**
 * A typed power failure. `message` is the summary the driver wrote from fixed text and
 * non-secret parameters. What the tool or device said (`said`) is kept apart, raw, and only
 * reaches a message through `withCause`, which drops every line holding a secret — so a
 * message never carries a password, and nothing is ever masked by substitution.
 */
export class PowerError extends Error {
  override readonly name = 'PowerError';
  /** The tool's or device's own words, unfiltered: never shown as they are. */
  readonly said: readonly string[];
  constructor(
    readonly kind: PowerErrorKind,
    message: string,
    said?: string | readonly string[],
  ) {
    super(message);
    this.said = typeof said === 'string' ? outputLines(said) : (said ?? []);
  }
  get fatal(): boolean {
    return fatalKinds.has(this.kind);
  }
  /** The same failure with the tool's words appended, lines holding a secret withheld. */
  withCause(secrets: readonly string[]): PowerError {
    const lines = withholdSecrets(this.said, secrets);
    return new PowerError(this.kind, lines.length ? `${this.message} — ${capped(lines)}` : this.message);
  }
  toJSON(): { kind: PowerErrorKind; message: string } {
    return { kind: this.kind, message: this.message };
  }
}

export const withheldLine = '(output withheld: it contained a secret)';

/** Non-empty, trimmed lines of a tool's output. */
export function outputLines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

/**
 * Lines as they are, except a line containing any secret (case-sensitive, anywhere in the
 * line), which becomes `withheldLine`; consecutive withheld lines collapse into one.
 */
export function withholdSecrets(lines: readonly string[], secrets: readonly string[]): string[] {
  const keys = secrets.filter((s) => s.length > 0);
  const out: string[] = [];
  for (const l of lines) {
    const line = keys.some((k) => l.includes(k)) ? withheldLine : l;
    if (!(line === withheldLine && out.at(-1) === withheldLine)) out.push(line);
  }
  return out;
}

// The whole cause, bounded only so one chatty tool cannot fill the event log.
const maxCause = 4000;
function capped(lines: string[]): string {
  const text = lines.join('; ');
  return text.length <= maxCause ? text : `${text.slice(0, maxCause)}… (cut at ${maxCause} characters)`;
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
  /** Null when the node's type and parameters can be driven, else why not (nothing is sent). */
  check(t: PowerTarget): string | null;
  on(t: PowerTarget): Promise<PowerResult>;
  /** `soft`: MAAS's stop_mode=soft — an OS shutdown where the type supports it, else hard. */
  off(t: PowerTarget, opts?: { soft?: boolean }): Promise<PowerResult>;
  cycle(t: PowerTarget): Promise<PowerResult>;
  query(t: PowerTarget): Promise<PowerResult>;
  /** Stops polling, waits for nothing more to start, kills running tools. */
  close(): Promise<void>;
}
