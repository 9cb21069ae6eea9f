/**
 * Reads and checks the demo newsroom's JSON files (./data): which file holds which collection,
 * and one error that names every bad value by file and path. Used by ./data.ts (the files it
 * imports), by scripts/build-plugin.js (the build fails on a malformed file) and by the unit
 * tests (a malformed copy). Pure module: zod and node:fs only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { demoCollections } from './schema';
import type { DemoNewsroom } from './types';

/** The files under ./data, in the order their records are loaded. */
export const DEMO_FILES: Readonly<Record<keyof DemoNewsroom, readonly string[]>> = {
  units: ['units.json'],
  contributors: ['contributors.json'],
  reports: ['reports.json'],
  profiles: ['profiles-grid-workers.json', 'profiles-police.json', 'profiles-others.json'],
  chronicles: ['chronicles.json'],
  events: ['events.json'],
  statistics: ['statistics.json'],
};

export class DemoDataError extends Error {
  constructor(readonly problems: string[]) {
    super(`demo data: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n  ${problems.join('\n  ')}`);
    this.name = 'DemoDataError';
  }
}

/** `file: $[3].text.zh.name: message` for one zod issue. */
function describe(file: string, issue: { path: PropertyKey[]; message: string }): string {
  const at = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return `${file}: $${at}: ${issue.message}`;
}

/**
 * The newsroom from the files' parsed contents (file name → JSON value); throws DemoDataError
 * naming every file that is missing or does not match the schema.
 */
export function parseDemoFiles(contents: Readonly<Record<string, unknown>>): DemoNewsroom {
  const problems: string[] = [];
  const out: Record<string, unknown[]> = {};
  for (const [collection, files] of Object.entries(DEMO_FILES) as Array<[keyof DemoNewsroom, readonly string[]]>) {
    out[collection] = [];
    for (const file of files) {
      if (!(file in contents)) {
        problems.push(`${file}: missing`);
        continue;
      }
      const parsed = demoCollections[collection].safeParse(contents[file]);
      if (parsed.success) out[collection].push(...parsed.data);
      else problems.push(...parsed.error.issues.map((issue) => describe(file, issue)));
    }
  }
  if (problems.length) throw new DemoDataError(problems);
  return out as unknown as DemoNewsroom;
}

/** Read and check every file of `dir` (a copy of ./data, or the source folder at build time). */
export function checkDemoDataDir(dir: string): DemoNewsroom {
  const contents: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const file of Object.values(DEMO_FILES).flat()) {
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) continue; // reported as missing by parseDemoFiles
    try {
      contents[file] = JSON.parse(fs.readFileSync(full, 'utf8'));
    } catch (error) {
      problems.push(`${file}: not JSON (${(error as Error).message})`);
      contents[file] = [];
    }
  }
  try {
    const newsroom = parseDemoFiles(contents);
    if (problems.length) throw new DemoDataError(problems);
    return newsroom;
  } catch (error) {
    if (error instanceof DemoDataError) throw new DemoDataError([...problems, ...error.problems]);
    throw error;
  }
}
