// Selection in the grid, as file managers do it: click selects one, Ctrl/Cmd+click toggles,
// Shift+click selects the range from the anchor, and the keyboard does the same with arrows,
// Space, Home/End and PageUp/PageDown. Pure: each step takes the visible order and returns
// the next state, so it is unit-tested without a DOM and a select-all is one assignment.

export interface Selection {
  selected: ReadonlySet<string>;
  /** Where a Shift range starts: the last row clicked or toggled without Shift. */
  anchor: string | null;
  /** The row the keyboard is on. */
  focus: string | null;
}

export const emptySelection: Selection = { selected: new Set(), anchor: null, focus: null };

export interface Mods { shift?: boolean; toggle?: boolean }

function range(order: readonly string[], a: string | null, b: string): string[] {
  const j = order.indexOf(b);
  const i = a === null ? -1 : order.indexOf(a);
  if (j < 0) return [];
  if (i < 0) return [b];
  return order.slice(Math.min(i, j), Math.max(i, j) + 1);
}

export function clickRow(s: Selection, order: readonly string[], id: string, m: Mods = {}): Selection {
  if (m.shift) {
    const span = range(order, s.anchor ?? s.focus, id);
    const base = m.toggle ? new Set(s.selected) : new Set<string>();
    for (const x of span) base.add(x);
    return { selected: base, anchor: s.anchor ?? id, focus: id };
  }
  if (m.toggle) {
    const next = new Set(s.selected);
    if (next.has(id)) next.delete(id); else next.add(id);
    return { selected: next, anchor: id, focus: id };
  }
  return { selected: new Set([id]), anchor: id, focus: id };
}

export type SelectionKey = 'ArrowDown' | 'ArrowUp' | 'Home' | 'End' | 'PageDown' | 'PageUp' | ' ' | 'Escape';

/** The keyboard: arrows move the focus (Shift extends from the anchor), Space toggles. */
export function keyRow(s: Selection, order: readonly string[], key: SelectionKey, m: Mods = {}, page = 20): Selection {
  if (key === 'Escape') return { selected: new Set(), anchor: null, focus: s.focus };
  if (order.length === 0) return s;
  const at = s.focus === null ? -1 : order.indexOf(s.focus);
  if (key === ' ') {
    if (at < 0) return s;
    return clickRow(s, order, order[at], { toggle: true, shift: m.shift });
  }
  const last = order.length - 1;
  const to = {
    ArrowDown: at < 0 ? 0 : Math.min(last, at + 1), ArrowUp: at < 0 ? 0 : Math.max(0, at - 1),
    Home: 0, End: last, PageDown: Math.min(last, Math.max(0, at) + page), PageUp: Math.max(0, at - page),
  }[key];
  const id = order[to];
  if (m.shift) return { ...clickRow(s, order, id, { shift: true }), anchor: s.anchor ?? s.focus ?? id };
  // Moving without Shift only moves the focus; the selection stays, as in a list box with
  // Ctrl held, because technicians build selections across a screen with arrows + Space.
  return m.toggle ? { ...s, focus: id } : { selected: new Set([id]), anchor: id, focus: id };
}

/** Replaces the selection with `ids` (select all that match, select by pasted list). */
export const selectAll = (ids: Iterable<string>, s: Selection): Selection =>
  ({ selected: new Set(ids), anchor: s.anchor, focus: s.focus });

/** Keeps only ids that still exist (after nodes were deleted elsewhere). */
export function pruneSelection(s: Selection, exists: (id: string) => boolean): Selection {
  let gone = false;
  for (const id of s.selected) if (!exists(id)) { gone = true; break; }
  if (!gone) return s;
  return { ...s, selected: new Set([...s.selected].filter(exists)) };
}
