// A page script timing each keystroke in a search box, from keydown to the frame after the
// view updated, into window.__samples. A string: bench files are type-checked as Node code
// (no DOM lib). Svelte flushes in a microtask; the rAF callback runs before the next paint
// and the task after it once that frame is painted.
export const keyTimerScript = (inputSelector: string): string => `(() => {
  window.__samples = [];
  const input = document.querySelector(${JSON.stringify(inputSelector)});
  let t0 = 0;
  input.addEventListener('keydown', (e) => { t0 = e.timeStamp; });
  input.addEventListener('input', () => requestAnimationFrame(() => setTimeout(() => window.__samples.push(performance.now() - t0), 0)));
})()`;
