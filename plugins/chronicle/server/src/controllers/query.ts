/** Moved to ../validation/issues.ts (request validation lives in validation/); kept for callers not yet moved. */
export { describeIssues, parseQuery, queryProblem } from '../validation/issues';
