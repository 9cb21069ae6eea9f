import adminQueryGuard from './admin-query-guard';
import cors from './cors';
import rateLimit from './rate-limit';

/** Global middlewares the application enables in config/middlewares.ts as plugin::chronicle.<name>. */
export default { 'rate-limit': rateLimit, 'admin-query-guard': adminQueryGuard, cors };
