import extraction from './extraction';
import live from './live';
import notifications from './notifications';
import overview from './overview';
import publicApi from './public-api';
import revisions from './revisions';
import status from './status';
import verification from './verification';
import workflow from './workflow';

export default { overview, notifications, status, workflow, extraction, 'public-api': publicApi, verification, revisions, live };
