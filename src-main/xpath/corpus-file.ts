// A preview corpus saved to one file: the shards' snapshots (shard-snapshot.ts), the corpus
// order, and the caller's version of every document (what the details were when the
// tables were built), so that a reopened corpus is refreshed only where the details
// changed. Written to a temporary file and renamed, so a crash leaves the old file whole.
import { open, rename, writeFile } from 'node:fs/promises';
import type { CorpusSnapshot } from './preview';
import { SNAPSHOT_FORMAT } from './shard-snapshot';

const MAGIC = 'MCXC';

export interface SavedCorpus {
  snapshot: CorpusSnapshot;
  /** Document id → the caller's version of its details when saved. */
  versions: Record<string, string>;
}

export async function saveCorpus(path: string, saved: SavedCorpus): Promise<void> {
  const header = Buffer.from(JSON.stringify({
    format: SNAPSHOT_FORMAT, order: saved.snapshot.order, versions: saved.versions, shards: saved.snapshot.shards.map((s) => s.byteLength),
  }), 'utf8');
  const head = Buffer.alloc(8);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(header.length, 4);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, Buffer.concat([head, header, ...saved.snapshot.shards]), { mode: 0o600 });
  await rename(temporary, path);
}

/** The saved corpus, or null when there is none or it is of another format. */
export async function loadCorpus(path: string): Promise<SavedCorpus | null> {
  let bytes: Buffer;
  try {
    bytes = await readWhole(path);
  } catch {
    return null;
  }
  if (bytes.length < 8 || bytes.toString('latin1', 0, 4) !== MAGIC) return null;
  const length = bytes.readUInt32LE(4);
  let header: { format: number; order: string[]; versions: Record<string, string>; shards: number[] };
  try {
    header = JSON.parse(bytes.toString('utf8', 8, 8 + length)) as typeof header;
  } catch {
    return null; // a damaged file: the caller rebuilds from the details
  }
  if (header.format !== SNAPSHOT_FORMAT || 8 + length + header.shards.reduce((a, b) => a + b, 0) !== bytes.length) return null;
  let at = 8 + length;
  const shards = header.shards.map((size) => {
    const shard = new Uint8Array(bytes.buffer, bytes.byteOffset + at, size);
    at += size;
    return shard;
  });
  return { snapshot: { shards, order: header.order }, versions: header.versions };
}

/**
 * The file in one buffer, read in a few large reads off the main thread (readFile reads
 * 512 KiB at a time, which made a 160 MiB corpus take 0.6 s).
 */
async function readWhole(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const bytes = Buffer.allocUnsafeSlow(size);
    for (let at = 0; at < size;) {
      const { bytesRead } = await file.read(bytes, at, Math.min(size - at, 64 * 1024 * 1024), at);
      if (bytesRead === 0) throw new Error(`${path} ended at ${at} of ${size} bytes`);
      at += bytesRead;
    }
    return bytes;
  } finally {
    await file.close();
  }
}
