// Code the events bench runs inside Chromium. Kept as JavaScript text: this folder is
// type-checked for Node (no DOM library), and these run in the page, not here.

/** Clicks "Load whole history" and resolves with ms until it is all loaded and painted. */
export const loadWholeHistory = `(async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Load whole history');
  const t0 = performance.now();
  button.click();
  const live = () => document.querySelector('main [aria-live]').textContent;
  while (!/whole history/.test(live()) || /loading/.test(live())) await frame();
  return performance.now() - t0;
})()`;

/** Types into the search box a letter at a time; ms from each input to the next painted frame. */
export const searchKeystrokes = `(async () => {
  const input = document.querySelector('input[aria-label="Search events"]');
  const times = [];
  for (const text of ['p', 'po', 'pow', 'powe', 'power', '']) {
    const t0 = performance.now();
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    times.push(performance.now() - t0);
  }
  return times;
})()`;

/** Records, per "Tag 'bench-N' added" row, the epoch ms of the first frame that shows it. */
export const watchBenchRows = `(() => {
  window.seenAt = {};
  const grid = document.querySelector('main [role="grid"]');
  new MutationObserver(() => {
    for (const m of grid.textContent.matchAll(/Tag 'bench-(\\d+)' added/g)) {
      if (window.seenAt[m[1]] === undefined) {
        window.seenAt[m[1]] = -1;
        requestAnimationFrame(() => { window.seenAt[m[1]] = performance.timeOrigin + performance.now(); });
      }
    }
  }).observe(grid, { childList: true, subtree: true, characterData: true });
})()`;

export const seenAt = (n: number) => `(window.seenAt[${JSON.stringify(String(n))}] ?? -1)`;
