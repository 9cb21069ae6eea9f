import { FIELD_LABELS as SERVER_LABELS } from '../../../../server/src/domain/layouts';
import { WORKFLOW_STATES } from '../../../../server/src/domain/enums';
import contentTypes from '../../../../server/src/content-types';
import { componentSchemas } from '../../../../server/src/components';
import { COMPONENTS, ENUM_LABELS, FIELD_LABELS, labelMessages, TYPES } from '../labels';
import { translations } from '..';

type Schema = { info: { displayName: string }; pluginOptions?: any; attributes: Record<string, any> };
const schemas = Object.entries(contentTypes as unknown as Record<string, { schema: Schema }>);
const enumValues = (attributes: Record<string, any>) =>
  Object.values(attributes).flatMap((a) => (a.type === 'enumeration' ? (a.enum as string[]) : []));

describe('the admin names every label of our types in both languages', () => {
  test('field labels are the server layout labels', () => {
    expect(FIELD_LABELS).toEqual(SERVER_LABELS);
  });

  test('every content type shown in the Content Manager and every component has both names', () => {
    const displayed = schemas.filter(([, ct]) => ct.schema.pluginOptions?.['content-manager']?.visible !== false);
    expect(displayed.length).toBeGreaterThan(6);
    for (const [name, ct] of displayed) expect(TYPES).toContainEqual([`plugin::chronicle.${name}`, ct.schema.info.displayName, expect.any(String)]);
    for (const [name, schema] of Object.entries(componentSchemas)) expect(COMPONENTS).toContainEqual([`chronicle.${name}`, schema.info.displayName, expect.any(String)]);
  });

  test('every enumeration value of every type shown and every component, and every workflow state, is translated', () => {
    const shown = schemas.filter(([, ct]) => ct.schema.pluginOptions?.['content-manager']?.visible !== false);
    const values = new Set<string>([
      ...shown.flatMap(([, ct]) => enumValues(ct.schema.attributes)),
      ...Object.values(componentSchemas).flatMap((c) => enumValues(c.attributes)),
      ...WORKFLOW_STATES,
    ]);
    expect(values.has('in_review') && values.has('hour') && values.has('more-than')).toBe(true);
    const missing = [...values].filter((v) => !ENUM_LABELS[v] || !/[\u4e00-\u9fff]/.test(ENUM_LABELS[v][1]));
    expect(missing).toEqual([]);
  });

  test('one language at a time: no label joins both', () => {
    for (const language of [0, 1] as const) {
      const messages = labelMessages(language);
      expect(messages['content-manager.content-types.plugin::chronicle.field-report.kicker']).toBe(language ? '眉题' : 'Kicker');
      expect(messages['content-manager.components.chronicle.dateline.place']).toBe(language ? '地点' : 'Place');
      expect(messages['Field report']).toBe(language ? '稿件' : 'Field report');
      expect(messages.in_review).toBe(language ? '待审' : 'In review');
      expect(Object.values(messages).filter((m) => m.includes(' · '))).toEqual([]);
    }
  });

  test('every message id of the panels exists in both languages', () => {
    expect(Object.keys(translations.en).sort()).toEqual(Object.keys(translations['zh-Hans']).sort());
  });
});
