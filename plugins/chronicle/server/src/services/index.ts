import demo from './demo';
import layouts from './layouts';
import locales from './locales';
import overview from './overview';
import publicAccess from './public-access';
import queue from './queue';
import roles from './roles';
import workflow from './workflow';

const services = {
  locales,
  roles,
  'public-access': publicAccess,
  layouts,
  overview,
  demo,
  workflow,
  queue,
};

export type ServiceMap = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };
export default services;
