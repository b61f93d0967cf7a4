// Window size and position, remembered between runs (a JSON file in the app's data dir).
// Pure Node so it is tested without Electron; a saved position on a screen that is gone is dropped.
import { readFileSync, writeFileSync } from 'node:fs';

export interface Bounds { x?: number; y?: number; width: number; height: number; maximized?: boolean }
export interface Area { x: number; y: number; width: number; height: number }

export const defaultBounds: Bounds = { width: 1400, height: 900 };

export function loadBounds(file: string, screens: Area[]): Bounds {
  let saved: Partial<Bounds>;
  try { saved = JSON.parse(readFileSync(file, 'utf8')); } catch { return { ...defaultBounds }; }
  const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  if (!num(saved.width) || !num(saved.height)) return { ...defaultBounds };
  const b: Bounds = {
    width: Math.max(800, Math.min(saved.width!, 10_000)),
    height: Math.max(500, Math.min(saved.height!, 10_000)),
    maximized: saved.maximized === true,
  };
  if (num(saved.x) && num(saved.y)) {
    const visible = screens.some((s) =>
      saved.x! + 100 > s.x && saved.x! < s.x + s.width - 100 && saved.y! >= s.y && saved.y! < s.y + s.height - 50);
    if (visible) Object.assign(b, { x: saved.x, y: saved.y });
  }
  return b;
}

export function saveBounds(file: string, b: Bounds): void {
  try { writeFileSync(file, JSON.stringify(b)); } catch { /* losing window placement is not worth an error */ }
}
