/**
 * The `chronicle` command as a user runs it (spawned): `extract` prints the JSON of docs/extraction.md
 * exactly, or tables; bad arguments exit 2, unusable input exits 3, each with one clear line
 * on stderr and nothing on stdout. `import` refuses bad arguments before booting Strapi.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'scripts', 'chronicle.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-cli-'));

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', timeout: 120000, maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const file = (name: string, content: string | Buffer) => {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, content);
  return p;
};

const REPORT = file(
  'report.txt',
  '2月23日，尖草坪区启动应急响应。\n当日下午3时许，首批300余名志愿者到位。\n累计投入警力4800余人次、警车900余辆次。\n'
);

beforeAll(() => {
  // Build the plugin once here (if stale) so each spawn below runs in well under a second.
  require('../lib/text-tools').ensurePluginBuilt();
}, 180000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('chronicle extract', () => {
  test('--json prints {events:[{text,start,precision,approximate,…}], statistics:[{text,value,qualifier,unit,label,…}]}, text the expression', () => {
    const r = run('extract', REPORT, '--dateline', '2022-03-06', '--json');
    expect(r.status).toBe(0);
    const source = fs.readFileSync(REPORT, 'utf8');
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['events', 'statistics']);
    const pick = (x: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, x[k]]));
    expect(json.events.map((e: Record<string, unknown>) => pick(e, ['text', 'start', 'precision', 'approximate', 'sentence', 'rule']))).toEqual([
      { text: '2月23日', start: '2022-02-23T00:00:00+08:00', precision: 'day', approximate: false, sentence: '2月23日，尖草坪区启动应急响应。', rule: 'date' },
      { text: '当日下午3时许', start: '2022-02-23T15:00:00+08:00', precision: 'hour', approximate: true, sentence: '当日下午3时许，首批300余名志愿者到位。', rule: 'relative-day' },
    ]);
    expect(json.statistics.map((s: Record<string, unknown>) => pick(s, ['text', 'value', 'qualifier', 'unit', 'label', 'rule']))).toEqual([
      { text: '300余名', value: 300, qualifier: 'more-than', unit: '名', label: '志愿者', rule: 'count' },
      { text: '4800余人次', value: 4800, qualifier: 'more-than', unit: '人次', label: '警力', rule: 'count' },
      { text: '900余辆次', value: 900, qualifier: 'more-than', unit: '辆次', label: '警车', rule: 'count' },
    ]);
    for (const e of json.events) {
      expect(Object.keys(e)).toEqual(['text', 'start', 'precision', 'approximate', 'offset', 'endOffset', 'sentence', 'rule']);
      expect(source.slice(e.offset, e.endOffset)).toBe(e.text);
    }
    for (const s of json.statistics) {
      expect(Object.keys(s)).toEqual(['text', 'value', 'qualifier', 'unit', 'label', 'offset', 'endOffset', 'sentence', 'rule']);
      expect(source.slice(s.offset, s.endOffset)).toBe(s.text);
    }
  });

  test('--max caps the proposals: truncated in the JSON and a note on stderr', () => {
    const r = run('extract', REPORT, '--dateline', '2022-03-06', '--json', '--max', '2');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.events.length + json.statistics.length).toBe(2);
    expect(json.truncated).toBe(true);
    expect(r.stderr).toMatch(/only the first 2 proposals are listed/);
    const bad = run('extract', REPORT, '--dateline', '2022-03-06', '--max', 'lots');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--max must be a whole number from 1/);
  });

  test('without --json prints readable tables', () => {
    const r = run('extract', REPORT, '--dateline', '2022-03-06');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Events (2)');
    expect(r.stdout).toContain('Figures (3)');
    expect(r.stdout).toMatch(/当日下午3时许\s+2022年2月23日下午3时左右\s+2022-02-23T15:00:00\+08:00\s+hour\s+relative-day/);
    expect(r.stdout).toMatch(/4800余人次\s+4800\s+more-than\s+人次\s+警力\s+count/);
  });

  test('a text with nothing to propose gives empty lists, not an error', () => {
    const r = run('extract', file('plain.txt', '天气很好，街上行人不多。'), '--dateline', '2022-03-06', '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ events: [], statistics: [] });
  });

  test.each<[string, string[], RegExp]>([
    ['no FILE', ['--dateline', '2022-03-06'], /FILE is required/],
    ['no --dateline', ['REPORT'], /--dateline YYYY-MM-DD is required/],
    ['a day that does not exist', ['REPORT', '--dateline', '2022-02-30'], /--dateline "2022-02-30" is not a real date/],
    ['a dateline in another form', ['REPORT', '--dateline', '2022/03/06'], /is not a real date in the form YYYY-MM-DD/],
    ['an unknown option', ['REPORT', '--dateline', '2022-03-06', '--yaml'], /Unknown option '--yaml'/],
    ['two files', ['REPORT', 'REPORT', '--dateline', '2022-03-06'], /one FILE only/],
  ])('exit 2 for %s', (_name, args, message) => {
    const r = run('extract', ...args.map((a) => (a === 'REPORT' ? REPORT : a)));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('Usage: chronicle');
  });

  test.each<[string, () => string, RegExp]>([
    ['a missing file', () => path.join(tmp, 'nope.txt'), /nope\.txt: no such file$/m],
    ['a directory', () => tmp, /is a directory, not a text file$/m],
    ['an empty file', () => file('empty.txt', ''), /empty\.txt: file is empty$/m],
    ['binary garbage', () => file('garbage.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0xff])), /file contains NUL bytes: binary data, not text$/m],
    ['GBK text', () => file('gbk.txt', Buffer.from([0xcd, 0xf8, 0xb8, 0xf1, 0xd4, 0xb1])), /file is not valid UTF-8 text/],
  ])('exit 3 for %s', (_name, target, message) => {
    const r = run('extract', target(), '--dateline', '2022-03-06', '--json');
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  test('refuses a file over 20 MB without reading it', () => {
    const big = path.join(tmp, 'big.txt');
    const fd = fs.openSync(big, 'w');
    fs.ftruncateSync(fd, 21 * 1024 * 1024); // sparse: costs no disk
    fs.closeSync(fd);
    const r = run('extract', big, '--dateline', '2022-03-06');
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/big\.txt: 21 MB, more than the 20 MB allowed; split the text/);
  });

  test('a 5 MB report: the first 1000 proposals, truncated, in seconds', () => {
    const paragraph = fs.readFileSync(REPORT, 'utf8');
    const big = file('five-mb.txt', paragraph.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(paragraph))));
    const started = Date.now();
    const r = run('extract', big, '--dateline', '2022-03-06', '--json');
    expect(r.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(15000);
    const json = JSON.parse(r.stdout);
    expect(json.events.length + json.statistics.length).toBe(1000);
    expect(json.truncated).toBe(true);
    expect(r.stderr).toMatch(/only the first 1000 proposals are listed/);
  }, 60000);
});

describe('chronicle import', () => {
  test.each<[string, string[], RegExp]>([
    ['no --as', ['REPORT', '--dateline', '2022-03-06'], /--as EMAIL is required/],
    ['an --as that is not an e-mail', ['REPORT', '--dateline', '2022-03-06', '--as', 'reporter'], /--as EMAIL is required/],
    ['an unknown locale', ['REPORT', '--dateline', '2022-03-06', '--as', 'a@b.c', '--locale', 'fr'], /--locale must be zh-Hans or en/],
    ['an invalid dateline', ['REPORT', '--dateline', '2022-13-01', '--as', 'a@b.c'], /is not a real date/],
  ])('exit 2 for %s, before booting Strapi', (_name, args, message) => {
    const r = run('import', ...args.map((a) => (a === 'REPORT' ? REPORT : a)));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  test('exit 3 for an unusable file, before booting Strapi', () => {
    const r = run('import', path.join(tmp, 'nope.txt'), '--dateline', '2022-03-06', '--as', 'a@b.c');
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/no such file/);
  });
});

test('an unknown command exits 2', () => {
  const r = run('frobnicate');
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/unknown command "frobnicate"/);
});

describe('chronicle generate', () => {
  test.each([
    [['--events', '-5'], '--events must be a whole number ≥ 0 (got "-5")'],
    [['--profiles', 'many'], '--profiles must be a whole number ≥ 0 (got "many")'],
    [['--statistics', '2.5'], '--statistics must be a whole number ≥ 0 (got "2.5")'],
    [['--units', '0'], '--units must be a whole number ≥ 1 (got "0")'],
    [['--events', '99999999'], '--events must be at most 5,000,000'],
    [['--colour', 'red'], "Unknown option '--colour'"],
    [['extra'], 'unexpected argument "extra"'],
  ])('refuses %j before booting Strapi: exit 2 and a clear message', (args, message) => {
    const r = run('generate', ...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  test('parseGenerateOptions fills the documented defaults', () => {
    const { parseGenerateOptions } = require('../lib/generate');
    expect(parseGenerateOptions({})).toEqual({ events: 100000, profiles: 10000, statistics: 50000, units: 300, seed: 1 });
    expect(parseGenerateOptions({ events: '500', seed: '9' })).toMatchObject({ events: 500, seed: 9 });
  });
});
