/**
 * Cross-field rules that Strapi's schema validation cannot express, and the main-field
 * rule that Strapi skips for drafts. Each rule names the field it faults, so the Content
 * Manager can put the message next to it. Pure module: no Strapi import.
 */
import type { TypeName } from './content-types';
import { TYPE_META } from './content-types';

export interface FieldProblem {
  path: string[];
  message: string;
}

type Data = Record<string, unknown>;

const isBlank = (value: unknown) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

const toTime = (value: unknown): number | undefined => {
  if (value === null || value === undefined || value === '') return undefined;
  const time = value instanceof Date ? value.getTime() : Date.parse(String(value));
  return Number.isNaN(time) ? undefined : time;
};

/** `later` must not come before `earlier` when both are set. */
const ordered = (record: Data, earlier: string, later: string, message: string): FieldProblem[] => {
  const start = toTime(record[earlier]);
  const end = toTime(record[later]);
  return start !== undefined && end !== undefined && end < start ? [{ path: [later], message }] : [];
};

/**
 * Check a record as it will be after the write: `record` is the stored values overlaid
 * with the incoming data. `incoming` is what this write sets (for the main-field rule:
 * a draft may omit fields, but may not blank the field it is known by).
 */
export function checkRecord(type: TypeName, record: Data, incoming: Data, isCreate: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (type !== 'workflow-transition') {
    const { mainField } = TYPE_META[type];
    const touched = isCreate || Object.prototype.hasOwnProperty.call(incoming, mainField);
    if (touched && isBlank(record[mainField])) {
      problems.push({ path: [mainField], message: `${mainField} must not be empty` });
    }
  }
  switch (type) {
    case 'timeline-event':
      if (isCreate && isBlank(record.occurredAt)) {
        problems.push({ path: ['occurredAt'], message: 'occurredAt is required' });
      }
      problems.push(...ordered(record, 'occurredAt', 'endAt', 'endAt must not be before occurredAt'));
      break;
    case 'chronicle':
      problems.push(...ordered(record, 'periodStart', 'periodEnd', 'periodEnd must not be before periodStart'));
      break;
    case 'grid-statistic': {
      problems.push(...ordered(record, 'periodStart', 'periodEnd', 'periodEnd must not be before periodStart'));
      const value = record.value;
      if (value !== null && value !== undefined && value !== '') {
        const n = Number(value);
        if (!Number.isFinite(n)) problems.push({ path: ['value'], message: 'value must be a number' });
        else if (n < 0) problems.push({ path: ['value'], message: 'value must be zero or more' });
      }
      break;
    }
    default:
      break;
  }
  return problems;
}
