// A Sentry Switched CDU (firmware 6.x) telnet CLI, as fence_cdu talks to it: "Login:",
// "Password:", the "Switched CDU: " prompt, VERSION, STATUS (".A1  name  On  On" rows),
// LIST OUTLETS, "on|off <id>", LOGOUT. Telnet option negotiation from the client is
// ignored (IAC sequences stripped); the server never negotiates, so the client stays in
// line mode.
import { createServer, type Socket } from 'node:net';

export interface SentryCdu {
  address: string;
  outlets: Map<string, { id: string; on: boolean }>;
  commands: string[];
  close(): Promise<void>;
}

const prompt = '\r\nSwitched CDU: ';

function stripTelnet(buf: Buffer): string {
  const out: number[] = [];
  for (let i = 0; i < buf.length; i++) {
    if (buf[i] !== 0xff) { out.push(buf[i]); continue; }
    const cmd = buf[i + 1];
    if (cmd >= 251 && cmd <= 254) i += 2; // WILL/WONT/DO/DONT opt
    else if (cmd === 250) { while (i < buf.length && !(buf[i] === 0xff && buf[i + 1] === 240)) i++; i++; } // SB … SE
    else i += 1;
  }
  return Buffer.from(out).toString('latin1');
}

export async function startSentryCdu(creds: { user: string; password: string }, names: string[]): Promise<SentryCdu> {
  const outlets = new Map(names.map((n, i) => [n, { id: `.A${i + 1}`, on: false }]));
  const commands: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((sock) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
    sock.on('error', () => undefined);
    let stage: 'user' | 'pass' | 'shell' = 'user';
    let user = '';
    let pending = '';
    sock.write('\r\n\r\nSentry Switched CDU Version 6.0g\r\n\r\nLogin: ');
    sock.on('data', (d: Buffer) => {
      pending += stripTelnet(d);
      let m: RegExpExecArray | null;
      while ((m = /^(.*?)(\r\n|\r\0|\n|\r)/s.exec(pending))) {
        pending = pending.slice(m[0].length);
        const line = m[1].replace(/\0/g, '').trim();
        // The client's tty turns pexpect's "\r\n" into two line ends: blank lines are noise.
        if (!line) continue;
        if (stage === 'user') {
          user = line;
          stage = 'pass';
          sock.write('Password: ');
        } else if (stage === 'pass') {
          if (user === creds.user && line === creds.password) { stage = 'shell'; sock.write(`\r\n\r\nSentry Switched CDU Version 6.0g${prompt}`); }
          else { stage = 'user'; sock.write('\r\n\r\nAccess denied\r\n\r\nLogin: '); }
        } else {
          commands.push(line);
          const [verb = '', arg = ''] = line.split(/\s+/);
          const v = verb.toUpperCase();
          if (v === 'LOGOUT' || v === 'EXIT') { sock.end('\r\nLogged out\r\n'); return; }
          let body = '';
          if (v === 'VERSION') body = '\r\nSentry Switched CDU Version 6.0g\r\n';
          else if (v === 'STATUS') {
            body = '\r\n   Outlet   Outlet                    Outlet     Control\r\n   ID       Name                      Status     State\r\n\r\n';
            for (const [name, o] of outlets) body += `   ${o.id.padEnd(9)}${name.padEnd(26)}${(o.on ? 'On' : 'Off').padEnd(11)}${o.on ? 'On' : 'Off'}\r\n`;
          } else if (v === 'LIST' && arg.toUpperCase() === 'OUTLETS') {
            body = '\r\n';
            for (const [name, o] of outlets) body += `   ${o.id.padEnd(9)}${name}   \r\n`;
          } else if (v === 'ON' || v === 'OFF') {
            const o = [...outlets.values()].find((x) => x.id.toLowerCase() === arg.toLowerCase());
            if (o) { o.on = v === 'ON'; body = '\r\n   Command successful\r\n'; } else body = '\r\n   Invalid outlet\r\n';
          } else body = '\r\n   Invalid command\r\n';
          sock.write(body + prompt);
        }
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  return {
    address: `127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`,
    outlets,
    commands,
    close: () => new Promise((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
  };
}
