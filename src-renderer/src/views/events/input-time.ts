// <input type="datetime-local"> speaks the viewer's local time as "YYYY-MM-DDTHH:MM:SS".
const pad = (n: number) => String(n).padStart(2, '0');

export function toInputTime(at: number | null): string {
  if (at === null) return '';
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function fromInputTime(value: string): number | null {
  if (!value) return null;
  const t = new Date(value).getTime(); // no zone: read as local time
  return Number.isFinite(t) && t >= 0 ? t : null;
}
