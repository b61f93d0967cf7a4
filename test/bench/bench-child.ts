// One bench, run in its own process by isolated.ts: figures go to the parent as measured.
import { benches } from './index';
import type { FromChild } from './isolated';

const send = (m: FromChild): Promise<void> => new Promise((resolve) => process.send!(m, () => resolve()));
const bench = benches.find((b) => b.id === process.argv[2]);
const sent: Promise<void>[] = [];
try {
  if (!bench) throw new Error(`no bench ${process.argv[2]}`);
  const returned = await bench.run((figure) => { sent.push(send({ kind: 'figure', figure })); });
  for (const figure of returned ?? []) sent.push(send({ kind: 'figure', figure }));
  await Promise.all(sent);
  await send({ kind: 'done' });
  process.exit(0); // a bench that left a worker or a server open must not keep its process alive
} catch (e) {
  await Promise.all(sent);
  await send({ kind: 'failed', message: e instanceof Error ? e.message.split('\n')[0] : String(e) });
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
}
