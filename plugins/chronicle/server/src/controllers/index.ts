import extraction from './extraction';
import overview from './overview';
import publicApi from './public-api';
import revisions from './revisions';
import status from './status';
import verification from './verification';
import workflow from './workflow';

export default { overview, status, workflow, extraction, 'public-api': publicApi, revisions, verification };
