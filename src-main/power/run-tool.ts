// Spawning the Debian power tools: an argument array (never a shell string), secrets only
// through the environment, a file or stdin, a hard time limit that kills the whole process
// group, and a clear "install package X" when the tool is missing.
import { spawn } from 'node:child_process';
import { PowerError } from './types';

export interface ToolCall {
  /** Program name, looked up on PATH. */
  command: string;
  args: string[];
  /** The Debian package that ships `command`, named when it is missing. */
  debianPackage: string;
  /** Added to a minimal environment (PATH, C locale, a private HOME). Secrets go here. */
  env?: Record<string, string>;
  /** Directories searched before the usual PATH (a wrapper that must be found first). */
  pathPrefix?: string;
  /** Written to the tool's stdin, then closed (fence agents read their options there). */
  stdin?: string;
  signal: AbortSignal;
  timeoutMs: number;
}

export interface ToolOutput {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Sees every spawn (argv and the names, not values, of the extra environment). For tests. */
export type SpawnObserver = (info: { pid: number | undefined; command: string; args: string[]; envNames: string[] }) => void;

export type RunTool = (call: ToolCall) => Promise<ToolOutput>;

const maxOutput = 1 << 20;

export function createRunTool(opts: { home: () => Promise<string>; observer?: SpawnObserver; path?: string }): RunTool {
  return async (call) => {
    if (call.signal.aborted) throw abortError(call);
    const home = await opts.home();
    const env: Record<string, string> = {
      PATH: [call.pathPrefix, opts.path ?? process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin'].filter(Boolean).join(':'),
      LANG: 'C',
      LC_ALL: 'C',
      // Tools write caches and read rc files under HOME (virsh, net-snmp, amttool): keep
      // them out of the user's home directory.
      HOME: home,
      XDG_CACHE_HOME: home,
      XDG_CONFIG_HOME: home,
      XDG_RUNTIME_DIR: home,
      ...call.env,
    };
    return new Promise<ToolOutput>((resolve, reject) => {
      const child = spawn(call.command, call.args, {
        env,
        stdio: ['pipe', 'pipe', 'pipe'],
        // Own process group, so a timeout kills helpers the tool started (fence agents
        // run telnet/ssh under pexpect).
        detached: true,
      });
      opts.observer?.({ pid: child.pid, command: call.command, args: [...call.args], envNames: Object.keys(call.env ?? {}) });
      let stdout = '';
      let stderr = '';
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        call.signal.removeEventListener('abort', onAbort);
        fn();
      };
      const kill = () => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      };
      const onAbort = () => {
        kill();
        finish(() => reject(abortError(call)));
      };
      const timer = setTimeout(() => {
        kill();
        finish(() => reject(new PowerError('timeout', `${call.command} gave no answer within ${Math.round(call.timeoutMs / 100) / 10} s`)));
      }, call.timeoutMs);
      call.signal.addEventListener('abort', onAbort, { once: true });
      child.stdout.setEncoding('utf8').on('data', (d: string) => { if (stdout.length < maxOutput) stdout += d; });
      child.stderr.setEncoding('utf8').on('data', (d: string) => { if (stderr.length < maxOutput) stderr += d; });
      child.stdin.on('error', () => { /* the tool may exit before reading stdin */ });
      child.stdin.end(call.stdin ?? '');
      child.on('error', (err: NodeJS.ErrnoException) => {
        finish(() =>
          reject(
            err.code === 'ENOENT'
              ? new PowerError('tool-missing', `${call.command} is not installed: install the Debian package ${call.debianPackage} (apt-get install ${call.debianPackage})`)
              : new PowerError('failed', `could not start ${call.command}: ${err.code ?? err.message}`),
          ),
        );
      });
      child.on('close', (code) => finish(() => resolve({ code, stdout, stderr })));
    });
  };
}

function abortError(call: ToolCall): PowerError {
  const reason: unknown = call.signal.reason;
  return reason instanceof PowerError ? reason : new PowerError('failed', `${call.command} was stopped: the power service is closing`);
}
