/**
 * The demo data's checker (../check.ts, ../schema.ts): the shipped JSON files pass and give the
 * newsroom ../data.ts exports; a malformed copy of the folder — each kind of mistake a hand
 * edit makes — fails with the file and the path of the bad value. The build runs the same
 * checker on the source folder (scripts/build-plugin.js), so such a copy would fail the build.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_FILES, DemoDataError, checkDemoDataDir, parseDemoFiles } from '../check';
import { demoNewsroom } from '../data';

const SOURCE = path.join(__dirname, '..', 'data');
const ALL_FILES = Object.values(DEMO_FILES).flat();

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-demo-data-'));
  for (const file of ALL_FILES) fs.copyFileSync(path.join(SOURCE, file), path.join(dir, file));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
const write = (file: string, value: unknown) => fs.writeFileSync(path.join(dir, file), JSON.stringify(value, null, 2));
/** Edit one file of the copy. */
const edit = (file: string, change: (records: any[]) => void) => {
  const records = read(file);
  change(records);
  write(file, records);
};
/** The checker's problems for the copy, or [] when it passes. */
const problems = (): string[] => {
  try {
    checkDemoDataDir(dir);
    return [];
  } catch (error) {
    if (error instanceof DemoDataError) return error.problems;
    throw error;
  }
};

describe('demo data checker', () => {
  it('every file under data/ is one the checker reads, and it reads them all', () => {
    const onDisk = fs.readdirSync(SOURCE).filter((f) => f.endsWith('.json')).sort();
    expect(onDisk).toEqual([...ALL_FILES].sort());
  });

  it('the shipped files pass and are the newsroom data.ts exports', () => {
    const checked = checkDemoDataDir(SOURCE);
    expect(checked).toEqual(demoNewsroom);
    expect(checked.units.length).toBeGreaterThan(10);
    expect(checked.profiles).toHaveLength(20);
    expect(checked.profiles.map((p) => p.key)).toContain('p-han-zhuren');
  });

  it('an unchanged copy passes', () => {
    expect(problems()).toEqual([]);
  });

  it('a value outside its vocabulary fails, naming file and path', () => {
    edit('units.json', (units) => {
      units[2].kind = 'province';
    });
    const found = problems();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^units\.json: \$\[2\]\.kind: /);
  });

  it('a missing required field fails', () => {
    edit('profiles-police.json', (profiles) => {
      delete profiles[0].consent;
    });
    expect(problems()).toEqual([expect.stringMatching(/^profiles-police\.json: \$\[0\]\.consent: /)]);
  });

  it('an unknown field (a misspelt one) fails', () => {
    edit('profiles-others.json', (profiles) => {
      profiles[0].privatNotes = profiles[0].privateNotes;
    });
    expect(problems()).toEqual([expect.stringMatching(/^profiles-others\.json: \$\[0\]: .*privatNotes/)]);
  });

  it('wrong types, bad dates and times, and a bad slug fail, each reported', () => {
    edit('statistics.json', (statistics) => {
      statistics[0].value = '1200';
      statistics[1].additive = 'no';
      statistics[2].asOf = '2022/03/06';
    });
    edit('events.json', (events) => {
      events[0].occurredAt = '2022-02-24 12:00';
      events[1].slug = 'Not A Slug';
    });
    edit('reports.json', (reports) => {
      reports[0].text.zh.title = '';
    });
    const found = problems();
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^statistics\.json: \$\[0\]\.value: /),
        expect.stringMatching(/^statistics\.json: \$\[1\]\.additive: /),
        expect.stringMatching(/^statistics\.json: \$\[2\]\.asOf: a date is YYYY-MM-DD/),
        expect.stringMatching(/^events\.json: \$\[0\]\.occurredAt: a time is/),
        expect.stringMatching(/^events\.json: \$\[1\]\.slug: a slug is/),
        expect.stringMatching(/^reports\.json: \$\[0\]\.text\.zh\.title: /),
      ]),
    );
    expect(found).toHaveLength(6);
  });

  it('a file that is not JSON, is not a list, or is missing fails', () => {
    fs.writeFileSync(path.join(dir, 'chronicles.json'), '[{"key": "ch-police",]');
    write('contributors.json', { key: 'c-one' });
    fs.rmSync(path.join(dir, 'events.json'));
    const found = problems();
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^chronicles\.json: not JSON/),
        expect.stringMatching(/^contributors\.json: \$: /),
        'events.json: missing',
      ]),
    );
  });

  it('the error message lists every problem, one a line', () => {
    edit('units.json', (units) => {
      units[0].kind = 'x';
      units[1].kind = 'y';
    });
    expect(() => checkDemoDataDir(dir)).toThrow(/demo data: 2 problems\n  units\.json: \$\[0\]\.kind: .*\n  units\.json: \$\[1\]\.kind: /);
  });

  it('parseDemoFiles (what data.ts runs) rejects a malformed value the same way', () => {
    const contents = Object.fromEntries(ALL_FILES.map((f) => [f, read(f)]));
    expect(parseDemoFiles(contents)).toEqual(demoNewsroom);
    (contents['events.json'] as any[])[0].precision = 'second';
    expect(() => parseDemoFiles(contents)).toThrow(/events\.json: \$\[0\]\.precision: /);
  });
});
