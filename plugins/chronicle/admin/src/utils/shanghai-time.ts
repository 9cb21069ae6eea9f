/**
 * Times in the newsroom's zone, whatever the browser's: instants are stored in UTC and
 * typed and shown as Beijing time (Asia/Shanghai, UTC+8 all year, no daylight saving),
 * 24-hour. The Content Manager's own date-time picker uses the browser's zone (上午9时
 * showed as 01:00 on a UTC laptop); the admin's datetime input and the Workflow panel use
 * these instead.
 */

const OFFSET_MS = 8 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

/** "2022-02-24 09:00": the instant's wall-clock time in Beijing, as typed in the input. */
export function toShanghaiInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms + OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const INPUT = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2}))?\s*$/;

/**
 * The instant (ISO, UTC) of a Beijing wall-clock time typed as "YYYY-MM-DD HH:mm" (the time
 * may be left out: 00:00), null for an empty input, or 'invalid'.
 */
export function fromShanghaiInput(text: string): string | null | 'invalid' {
  if (!text.trim()) return null;
  const m = INPUT.exec(text);
  if (!m) return 'invalid';
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0'].map(Number);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return 'invalid';
  const ms = Date.UTC(year, month - 1, day, hour, minute) - OFFSET_MS;
  const check = new Date(ms + OFFSET_MS);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return 'invalid';
  return new Date(ms).toISOString();
}

/** The instant in Beijing time for reading, 24-hour: "2026年11月30日 21:57" / "30 Nov 2026, 21:57". */
export function formatShanghai(iso: string, locale: string): string {
  const chinese = locale.toLowerCase().startsWith('zh');
  const date = new Date(iso);
  if (!Number.isFinite(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat(chinese ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: chinese ? 'numeric' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return chinese
    ? `${get('year')}年${get('month')}月${get('day')}日 ${get('hour')}:${get('minute')}`
    : `${get('day')} ${get('month')} ${get('year')}, ${get('hour')}:${get('minute')}`;
}
