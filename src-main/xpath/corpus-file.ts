// A preview corpus saved to one file: the shards' snapshots (shard-snapshot.ts), the corpus
// order, and the caller's version of every document (what the details were when the
// tables were built), so that a reopened corpus is refreshed only where the details
// changed. Written to a temporary file and renamed, so a crash leaves the old file whole.
import { open, rename, writeFile } from 'node:fs/promises';
import type { CorpusSnapshot, SnapshotSource } from './preview';
import type { FileRange } from './protocol';
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

/** A saved corpus as found: each shard where it lies in the file (the workers read them). */
export interface OpenedCorpus {
  snapshot: SnapshotSource;
  versions: Record<string, string>;
}

/**
 * The saved corpus's header, with each shard as its place in the file, or null when there
 * is none, it is damaged or of another format. Only the header is read here: each worker
 * reads its own shard, side by side, and nothing of them passes through this thread.
 */
export async function loadCorpus(path: string): Promise<OpenedCorpus | null> {
  let file;
  try {
    file = await open(path, 'r');
  } catch {
    return null;
  }
  try {
    const { size } = await file.stat();
    const head = Buffer.alloc(8);
    if (size < 8 || (await file.read(head, 0, 8, 0)).bytesRead !== 8 || head.toString('latin1', 0, 4) !== MAGIC) return null;
    const length = head.readUInt32LE(4);
    if (8 + length > size) return null;
    const text = Buffer.alloc(length);
    if ((await file.read(text, 0, length, 8)).bytesRead !== length) return null;
    const header = JSON.parse(text.toString('utf8')) as { format: number; order: string[]; versions: Record<string, string>; shards: number[] };
    if (header.format !== SNAPSHOT_FORMAT || 8 + length + header.shards.reduce((a, b) => a + b, 0) !== size) return null;
    let at = 8 + length;
    const shards: FileRange[] = header.shards.map((size) => {
      const range = { path, offset: at, length: size };
      at += size;
      return range;
    });
    return { snapshot: { shards, order: header.order }, versions: header.versions };
  } catch {
    return null; // a damaged file: the caller rebuilds from the details
  } finally {
    await file.close();
  }
}
