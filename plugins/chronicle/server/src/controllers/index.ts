import extraction from './extraction';
import overview from './overview';
import status from './status';

export default { overview, status, extraction };
