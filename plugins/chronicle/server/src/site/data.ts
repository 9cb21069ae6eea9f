/** The shapes the site renders: exactly what the public read service returns (type-only import). */
import type { PublicReadService } from '../services/public-read';

type R = PublicReadService;
export type ReportData = Awaited<ReturnType<R['report']>>['data'];
export type ReportSummary = Awaited<ReturnType<R['reports']>>['data'][number];
export type ProfileData = Awaited<ReturnType<R['profile']>>['data'];
export type ProfileSummary = Awaited<ReturnType<R['profiles']>>['data'][number];
export type ChronicleData = Awaited<ReturnType<R['chronicle']>>['data'];
export type EventData = Awaited<ReturnType<R['timeline']>>['data'][number];
type StatisticsPage = Awaited<ReturnType<R['statistics']>>['data'];
export type FigureData = StatisticsPage['figures'][number];
export type RollupData = NonNullable<StatisticsPage['rollups']>[number];
/** Every page of a statistics selection read together: its figures and its roll-ups. */
export interface StatisticsData {
  figures: FigureData[];
  rollups: RollupData[];
  /** More figures than the site reads (site/paging.ts); the roll-ups still count them all. */
  more: boolean;
}
