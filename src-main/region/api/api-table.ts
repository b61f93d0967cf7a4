// The API table of docs/region.md, made from describe/'s own description (describe.ts), so
// the documentation lists exactly what the region serves and says. `npm run region:coverage`
// writes it; the coverage test fails when docs/region.md differs.
import type { ApiDescription } from './describe';

export const API_START = '<!-- region-api:start (generated from describe/ by npm run region:coverage; do not edit) -->';
export const API_END = '<!-- region-api:end -->';

/** The first sentence of a doc, on one line, with table pipes escaped. */
const summary = (doc: string): string => (doc.split(/\n\n/)[0].match(/^.*?[.!?](?=\s|$)/)?.[0] ?? doc.split(/\n\n/)[0]).replace(/\|/g, '\\|');

export function apiTable(d: ApiDescription): string {
  const lines = [
    `${d.resources.length} resources, ${d.resources.reduce((n, r) => n + (r.auth ?? r.anon)!.actions.length, 0)} actions, as describe/ serves them ` +
      '(handler names as MAAS 1.8; "anonymous" = allowed without credentials).',
    '',
    '| handler | request | action | anonymous | what it does |',
    '|---|---|---|---|---|',
  ];
  for (const r of d.resources) {
    const h = (r.auth ?? r.anon)!;
    const anon = new Set(r.anon?.actions.map((a) => `${a.method} ${a.op}`) ?? []);
    for (const a of h.actions) {
      const request = `\`${a.method} ${h.path}${a.op ? ` op=${a.op}` : ''}\``;
      lines.push(`| ${h.name} | ${request} | ${a.name} | ${anon.has(`${a.method} ${a.op}`) ? 'yes' : ''} | ${summary(a.doc)} |`);
    }
  }
  return lines.join('\n');
}
