// Tests against real Debian tools fail loudly, naming the package, when one is missing.
import { execFileSync } from 'node:child_process';

export function requireTool(command: string, debianPackage: string): void {
  try {
    execFileSync('sh', ['-c', 'command -v "$1"', 'sh', command], { stdio: 'pipe' });
  } catch {
    throw new Error(`${command} is not installed: apt-get install ${debianPackage} (listed in .ci/apt-packages.txt)`);
  }
}
