import calendar from './calendar';
import extraction from './extraction';
import layouts from './layouts';
import live from './live';
import locales from './locales';
import notifications from './notifications';
import overview from './overview';
import publicAccess from './public-access';
import queue from './queue';
import rateLimits from './rate-limits';
import publicCache from './public-cache';
import publicRead from './public-read';
import revisions from './revisions';
import searchIndex from './search-index';
import roles from './roles';
import site from './site';
import uploadGuard from './upload-guard';
import verification from './verification';
import webhooks from './webhooks';
import workflow from './workflow';

const services = {
  locales,
  roles,
  'public-access': publicAccess,
  layouts,
  overview,
  workflow,
  queue,
  'upload-guard': uploadGuard,
  extraction,
  'public-read': publicRead,
  'public-cache': publicCache,
  site,
  'rate-limits': rateLimits,
  verification,
  revisions,
  notifications,
  webhooks,
  calendar,
  'search-index': searchIndex,
  live,
};

export type ServiceMap = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };
export default services;
