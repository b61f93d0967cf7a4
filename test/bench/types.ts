// A benchmark reports figures; where PERFORMANCE.md names a reference, the same run
// measures it too and the runner prints both and their ratio.
export interface Figure {
  /** What was measured, e.g. "region nodes op=list, 10,000 nodes". */
  name: string;
  value: number;
  unit: string;
  /** The reference measured in the same run, if PERFORMANCE.md names one. A reference
   * measured on part of the input and scaled says so in its name ("extrapolated"). */
  reference?: { name: string; value: number; unit: string };
  /** The target from PERFORMANCE.md, as text ("< 150 ms"). */
  target?: string;
  notes?: string;
}

/** Hands one figure to the runner as soon as it is measured, so a later failure loses nothing. */
export type Report = (figure: Figure) => void;

export interface Bench {
  /** Short id, selectable with `npm run bench -- --only ID`. */
  id: string;
  /** Drives the console's renderer in Chromium: the runner builds out/web first if its sources changed. */
  browser?: boolean;
  /** Figures are reported through `report` as they are measured, or returned at the end (or both). */
  run(report: Report): Promise<Figure[] | void>;
}
