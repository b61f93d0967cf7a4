// Keyboard map of the shell. Pure: takes a key event's facts, says what to do, so it is
// unit-tested without a DOM. Letters are ignored while typing in a field; Alt chords are not.
import type { ViewId } from '../../../src-shared/views';

export type ShellAction =
  | { kind: 'open'; view: ViewId }
  | { kind: 'step'; by: 1 | -1 }
  | { kind: 'theme' }
  | { kind: 'help' }
  | { kind: 'close' }
  | { kind: 'pending-g' }
  | { kind: 'palette' }
  | { kind: 'find' };

export interface KeyFacts { key: string; alt: boolean; ctrl: boolean; meta: boolean; shift: boolean; inField: boolean }

const byDigit: Record<string, ViewId> = { '1': 'inventory', '2': 'tags', '3': 'events', '4': 'connections', '5': 'capture', '6': 'fleet' };
const byLetter: Record<string, ViewId> = { i: 'inventory', t: 'tags', e: 'events', c: 'connections', f: 'capture', a: 'fleet' };

export const shortcutList: { keys: string; what: string }[] = [
  { keys: 'Alt+1 … Alt+6', what: 'Inventory, Tags, Events, Connections, Capture (field kit), Fleet (all servers)' },
  { keys: 'g then i / t / e / c / f / a', what: 'Go to Inventory, Tags, Events, Connections, Capture, Fleet' },
  { keys: 'Ctrl+K (⌘K)', what: 'Command palette: views, actions, connections, nodes on every server' },
  { keys: 'Ctrl+Shift+F', what: 'Find anywhere: a MAC, serial, system ID, hostname or IP on every server' },
  { keys: 'Alt+↓ / Alt+↑', what: 'Next / previous view' },
  { keys: 'Alt+T', what: 'Switch between light and dark theme' },
  { keys: '?', what: 'Show this list' },
  { keys: 'Esc', what: 'Close a dialog' },
];

export function shellAction(k: KeyFacts, afterG: boolean): ShellAction | null {
  if (k.key === 'Escape') return { kind: 'close' };
  // Chords that work even while typing, as in every editor and browser.
  if ((k.ctrl || k.meta) && !k.alt && !k.shift && k.key.toLowerCase() === 'k') return { kind: 'palette' };
  if ((k.ctrl || k.meta) && !k.alt && k.shift && k.key.toLowerCase() === 'f') return { kind: 'find' };
  if (k.alt && !k.ctrl && !k.meta) {
    if (byDigit[k.key]) return { kind: 'open', view: byDigit[k.key] };
    if (k.key === 'ArrowDown') return { kind: 'step', by: 1 };
    if (k.key === 'ArrowUp') return { kind: 'step', by: -1 };
    if (k.key.toLowerCase() === 't' || k.key === '†') return { kind: 'theme' };
    return null;
  }
  if (k.inField || k.ctrl || k.meta || k.alt) return null;
  if (afterG && byLetter[k.key]) return { kind: 'open', view: byLetter[k.key] };
  if (k.key === 'g') return { kind: 'pending-g' };
  if (k.key === '?') return { kind: 'help' };
  return null;
}
