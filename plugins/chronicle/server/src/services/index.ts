import demo from './demo';
import extraction from './extraction';
import layouts from './layouts';
import locales from './locales';
import overview from './overview';
import publicAccess from './public-access';
import roles from './roles';

const services = {
  locales,
  roles,
  'public-access': publicAccess,
  layouts,
  overview,
  demo,
  extraction,
};

export type ServiceMap = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };
export default services;
