// Links the OS hands the app (a maas-console:// address clicked elsewhere): on Linux and
// Windows as an argument of a second start, on macOS as an open-url event. Only a link the
// console's own parser accepts gets through, re-written from its parsed form, so nothing
// another program typed reaches the window as it was typed. Plain Node, so it is unit-tested.
import { linkPath, parseAppLink } from '../../src-shared/fleet/links';

/** The checked path of a maas-console:// URL, or null. */
export function linkFromUrl(url: string): string | null {
  const link = parseAppLink(url);
  return link ? linkPath(link) : null;
}

/** The first maas-console:// link among a process's arguments, checked; null when none. */
export function linkFromArgv(argv: readonly string[]): string | null {
  for (const arg of argv) {
    const path = linkFromUrl(arg);
    if (path) return path;
  }
  return null;
}
