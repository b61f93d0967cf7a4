// Runs lxml_reference.py (MAAS's merge_details + try_match_xpath on Debian's python3-lxml).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DocumentInput } from '../../../src-main/xpath/index';

export const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./lxml_reference.py', import.meta.url));

export interface LxmlAnswer {
  matches: Record<string, string[]>;
  invalid: Record<string, string>;
}

export interface LxmlTiming {
  matches: Record<string, number>;
  invalid: Record<string, string>;
  seconds: { rebuild_one: number; parse_merge: number; evaluate: Record<string, number> };
}

function runPython<T>(request: unknown): Promise<T> {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} is missing: install the Debian packages python3 and python3-lxml`);
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const stderr = Buffer.concat(err).toString();
      if (code !== 0) {
        const hint = stderr.includes('lxml') ? ' (install the Debian package python3-lxml)' : '';
        reject(new Error(`lxml reference failed (${code})${hint}: ${stderr.slice(0, 2000)}`));
      } else resolve(JSON.parse(Buffer.concat(out).toString()) as T);
    });
    child.stdin.end(JSON.stringify(request));
  });
}

/** Which nodes lxml matches, per definition, exactly as MAAS evaluates tags. */
export function lxmlMatches(definitions: string[], docs: DocumentInput[]): Promise<LxmlAnswer> {
  return runPython({ mode: 'match', definitions, docs });
}

/** MAAS's rebuild of one tag, parse+merge, and pre-parsed evaluation per definition. */
export function lxmlTiming(definitions: string[], docs: DocumentInput[]): Promise<LxmlTiming> {
  return runPython({ mode: 'time', definitions, docs });
}
