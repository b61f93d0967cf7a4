// A ~/.maascli.db as `maas login` writes it (canonical/maas src/maascli/config.py): table
// `profiles (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, data BLOB)`, data a JSON
// blob with the URL and credentials [consumer_key, token_key, token_secret].
import Database from 'better-sqlite3';

export function writeMaascliDb(file: string, profiles: { name: string; url: string; key: string | null }[]): void {
  const db = new Database(file);
  db.exec('CREATE TABLE IF NOT EXISTS profiles (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, data BLOB)');
  for (const p of profiles) {
    const data = { name: p.name, url: p.url, credentials: p.key ? p.key.split(':') : null, description: { doc: 'MAAS API', handlers: [], resources: [] } };
    db.prepare('INSERT INTO profiles (name, data) VALUES (?, ?)').run(p.name, JSON.stringify(data));
  }
  db.close();
}
