import bench from './bench';
import overview from './overview';
import publicApi from './public-api';
import status from './status';

export default { overview, status, 'public-api': publicApi, bench };
