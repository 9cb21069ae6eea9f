/** The shapes the site renders: the public answers' contracts (../contracts/public.ts), which the read service returns. */
import type {
  ChronicleDetail,
  Correction,
  CorrectionEntry,
  SearchHit,
  ProfileDetail,
  ProfileSummary as ProfileSummaryContract,
  PublicEvent,
  PublicFigure,
  ReportDetail,
  ReportSummary as ReportSummaryContract,
  Rollup,
} from '../contracts/public';

export type ReportData = ReportDetail;
export type ReportSummary = ReportSummaryContract;
export type ProfileData = ProfileDetail;
export type ProfileSummary = ProfileSummaryContract;
export type ChronicleData = ChronicleDetail;
export type EventData = PublicEvent;
export type FigureData = PublicFigure;
export type RollupData = Rollup;
export type CorrectionData = Correction;
export type CorrectionEntryData = CorrectionEntry;
export type SearchHitData = SearchHit;
/** Every page of a statistics selection read together: its figures and its roll-ups. */
export interface StatisticsData {
  figures: FigureData[];
  rollups: RollupData[];
  /** Figures left out of the roll-ups because they are not verified (issue #17). */
  excluded?: { unverified: number; disputed: number } | null;
  /** More figures than the site reads (site/paging.ts); the roll-ups still count them all. */
  more: boolean;
}
