import demo from './demo';
import layouts from './layouts';
import locales from './locales';
import overview from './overview';
import publicAccess from './public-access';
import publicCache from './public-cache';
import publicRead from './public-read';
import roles from './roles';

const services = {
  locales,
  roles,
  'public-access': publicAccess,
  layouts,
  overview,
  demo,
  'public-read': publicRead,
  'public-cache': publicCache,
};

export type ServiceMap = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };
export default services;
