// The elements of a small XML reply (UCS Manager, Chassis Manager), flattened in document
// order with their attributes and text. saxes never reads a DTD or expands an external
// entity, so a hostile reply can neither fetch files nor blow up.
import { SaxesParser } from 'saxes';
import { PowerError } from '../types';

export interface XmlElement {
  /** Local name, without any namespace prefix. */
  name: string;
  attrs: Record<string, string>;
  text: string;
  depth: number;
}

export function xmlElements(xml: string, what: string): XmlElement[] {
  const out: XmlElement[] = [];
  const open: XmlElement[] = [];
  const parser = new SaxesParser();
  parser.on('opentag', (t) => {
    const el: XmlElement = { name: t.name.replace(/^.*:/, ''), attrs: { ...(t.attributes as Record<string, string>) }, text: '', depth: open.length };
    out.push(el);
    open.push(el);
  });
  parser.on('closetag', () => { open.pop(); });
  parser.on('text', (s) => { const el = open.at(-1); if (el) el.text += s; });
  try {
    parser.write(xml).close();
  } catch {
    throw new PowerError('protocol', `${what} answered something that is not XML`);
  }
  return out;
}
