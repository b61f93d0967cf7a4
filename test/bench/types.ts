// A benchmark reports figures; where PERFORMANCE.md names a reference, the same run
// measures it too and the runner prints both and their ratio.
export interface Figure {
  /** What was measured, e.g. "region nodes op=list, 10,000 nodes". */
  name: string;
  value: number;
  unit: string;
  /** The reference measured in the same run, if PERFORMANCE.md names one. */
  reference?: { name: string; value: number; unit: string };
  /** The target from PERFORMANCE.md, as text ("< 150 ms"). */
  target?: string;
  notes?: string;
}

export interface Bench {
  /** Short id, selectable with `npm run bench -- --only ID`. */
  id: string;
  run(): Promise<Figure[]>;
}
