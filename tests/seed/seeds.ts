/**
 * Where the seed page is: CHRONICLE_SEEDS (set by `npm run check:seed [-- DIR]`), else
 * ../shared/seeds beside the project. The seed's text is never part of the repository.
 */
import fs from 'node:fs';
import path from 'node:path';

export const SEED_DIR = path.resolve(process.env.CHRONICLE_SEEDS || path.resolve(__dirname, '..', '..', '..', 'shared', 'seeds'));

/** One file of the seed folder. */
export function readSeedFile(name: string): string {
  const file = path.join(SEED_DIR, name);
  if (!fs.existsSync(file)) throw new Error(`Seed file ${name} not found in ${SEED_DIR}.`);
  return fs.readFileSync(file, 'utf8');
}

/** Every .txt file of the seed folder, joined. */
export function readSeedPage(): string {
  const files = fs.readdirSync(SEED_DIR).filter((f) => f.endsWith('.txt'));
  if (files.length === 0) throw new Error(`No seed .txt file in ${SEED_DIR}.`);
  return files.map((f) => fs.readFileSync(path.join(SEED_DIR, f), 'utf8')).join('\n');
}
