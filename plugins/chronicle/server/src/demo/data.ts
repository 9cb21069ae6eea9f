/**
 * The demo newsroom: the JSON files under ./data (see ./data/README.md for where the facts come
 * from and the notes on single records), checked against ./schema.ts when this module loads.
 * Only the tooling imports it (services `demo`, loaded by `npm run demo` and the tests).
 */
import { parseDemoFiles } from './check';
import type { DemoNewsroom } from './types';
import units from './data/units.json';
import contributors from './data/contributors.json';
import reports from './data/reports.json';
import profilesGridWorkers from './data/profiles-grid-workers.json';
import profilesPolice from './data/profiles-police.json';
import profilesOthers from './data/profiles-others.json';
import chronicles from './data/chronicles.json';
import events from './data/events.json';
import statistics from './data/statistics.json';

export const demoNewsroom: DemoNewsroom = parseDemoFiles({
  'units.json': units,
  'contributors.json': contributors,
  'reports.json': reports,
  'profiles-grid-workers.json': profilesGridWorkers,
  'profiles-police.json': profilesPolice,
  'profiles-others.json': profilesOthers,
  'chronicles.json': chronicles,
  'events.json': events,
  'statistics.json': statistics,
});
