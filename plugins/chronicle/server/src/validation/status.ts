/** The query of GET /api/chronicle/status (controllers/status.ts): it takes none. Pure module (zod). */
import { z } from 'zod';

export const statusQuery = z.object({}).strict();
