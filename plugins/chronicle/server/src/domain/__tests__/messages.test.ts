import { languageOf, MESSAGES, renderMessage, type MessageCode } from '../messages';
import { RULES } from '../workflow';

const HAN = /[\u3400-\u9fff]/;

/** Parameters that fill every placeholder of every code (titles in Chinese, as the newsroom writes them). */
const SAMPLE = {
  from: 'in_review',
  to: 'published',
  options: ['draft', 'approved'],
  permission: 'publish',
  embargo: '2022-03-08T00:00:00.000Z',
  scheduledFor: '2022-03-08T01:30:00.000Z',
  uids: ['plugin::chronicle.field-report'],
  type: 'field-report',
  locale: 'zh-Hans',
  documentId: 'abc123',
  fields: ['photo'],
  problems: ['private block not closed'],
  problem: 'to',
  items: [{ type: 'timeline-event', documentId: 'e1', title: '启动应急响应', state: 'draft' }],
  action: 'frobnicate',
  sent: 3,
  stored: 5,
  by: [{ count: 2, what: 'profiles' }],
  chain: ['尖草坪区', '古城街道', '尖草坪区'],
  slug: 'gucheng',
  state: 'verified',
  missing: ['sourceTitle', 'sourceOffice'],
  figures: [{ label: '入户人次', display: '4800余人次', state: 'disputed' }],
  // Field rules (domain/validation.ts) and request problems (validation/issues.ts issueParts).
  field: 'periodEnd',
  earlier: 'periodStart',
  latest: '2026-12-04',
  minYear: 1900,
  maxYear: 2100,
  max: 99999999.99,
  prefix: 'anon-',
  issues: [
    { en: 'to: to must be one of draft, in_review, published', kind: 'options', field: 'to', options: ['draft', 'in_review', 'published'] },
    { en: 'uid: uid must be one of plugin::chronicle.field-report', kind: 'options', field: 'uid', options: ['plugin::chronicle.field-report'] },
    { en: 'unknown field: colour', kind: 'unknown', where: 'body', keys: ['colour'] },
    { en: 'publishAt: must be an ISO 8601 date-time with a time zone', kind: 'datetime', field: 'publishAt' },
    { en: 'correction.text: correction.text is required', kind: 'required', field: 'correction.text' },
    { en: 'note: Too big', kind: 'too-long', field: 'note', max: 4000 },
    { en: 'note: Invalid input', kind: 'invalid', field: 'note' },
    { en: 'dateline: must be a real date in the form YYYY-MM-DD', kind: 'date', field: 'dateline' },
    { en: 'events.0.end: end must not be before start', kind: 'end-before-start', field: 'events.0.end' },
    { en: 'nothing to accept or reject: send events, statistics or rejected', kind: 'nothing', field: '' },
  ],
  locales: ['en', 'zh-Hans'],
  size: '2 MB',
  limit: '1 MB',
  detail: 'the extraction took more than 10 s',
  term: 'ab',
};

const codes = Object.keys(MESSAGES) as MessageCode[];

describe('refusal messages by code', () => {
  test.each(codes)('%s has a Chinese and an English text, each in one language only', (code) => {
    const chinese = renderMessage(code, SAMPLE, 'zh-Hans');
    const english = renderMessage(code, SAMPLE, 'en');
    expect(chinese).toMatch(HAN);
    expect(chinese).not.toEqual(english);
    // No bilingual joining, and no raw placeholder or undefined left over.
    for (const text of [chinese, english]) {
      expect(text).not.toContain(' / ');
      expect(text).not.toMatch(/undefined|\[object Object\]|\{\w+\}/);
    }
    // The English text holds no Chinese but what the parameters carried (titles, unit names).
    const withoutParams = english.replace(/启动应急响应|尖草坪区|古城街道|入户人次|4800余人次/g, '');
    expect(withoutParams).not.toMatch(HAN);
    // Chinese names the workflow's states in Chinese, not by their keys.
    expect(chinese).not.toMatch(/\b(in_review|changes_requested|published)\b/);
  });

  test('every note the state machine requires has a code in the table', () => {
    for (const rule of RULES) if (rule.needsNote) expect(codes).toContain(rule.needsNote);
  });

  test('a code renders without parameters too (the admin may receive none)', () => {
    for (const code of codes) {
      expect(() => renderMessage(code, {}, 'zh-Hans')).not.toThrow();
      expect(() => renderMessage(code, {}, 'en')).not.toThrow();
    }
  });

  test('field and request problems name the field in Chinese, one language at a time', () => {
    expect(renderMessage('field.dateline-future', { latest: '2026-12-04' }, 'zh-Hans')).toBe('电头日期不能晚于明天（北京时间），最晚为 2026-12-04');
    expect(renderMessage('field.dateline-future', { latest: '2026-12-04' }, 'en')).toBe(
      'dateline.date must not be in the future (at most 2026-12-04, tomorrow in Asia/Shanghai)'
    );
    expect(renderMessage('field.not-before', { field: 'endAt', earlier: 'occurredAt' }, 'zh-Hans')).toBe('结束时间不能早于发生时间');
    expect(renderMessage('field.date', { field: 'corrections.0.date' }, 'zh-Hans')).toBe('日期格式有误，请按 2022-03-08 的格式填写');
    const issues = SAMPLE.issues.slice(0, 3);
    expect(renderMessage('request.invalid', { issues }, 'en')).toBe(issues.map((i) => i.en).join('; '));
    expect(renderMessage('request.invalid', { issues }, 'zh-Hans')).toBe(
      '目标状态须为以下之一：“草稿”、“待审”、“已发布”；内容类型须为以下之一：“稿件”；未知字段：colour'
    );
  });

  test('an item of a request body is named by its place in the list', () => {
    expect(renderMessage('request.invalid', { issues: [{ en: 'x', kind: 'datetime', field: 'events.1.start' }] }, 'zh-Hans')).toBe(
      '第 2 个事件的开始时间须为带时区的 ISO 8601 日期时间，如 2022-03-08T08:00:00+08:00'
    );
  });

  test('times are named in Beijing time, 24-hour', () => {
    expect(renderMessage('workflow.scheduled-later', { scheduledFor: '2022-03-08T13:30:00.000Z' }, 'zh-Hans')).toContain('2022年3月8日 21:30（北京时间）');
  });

  test('the request language: zh… is Chinese, anything else (or nothing) English', () => {
    expect(languageOf('zh-Hans')).toBe('zh-Hans');
    expect(languageOf('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-Hans');
    expect(languageOf('en-US,en;q=0.9,zh;q=0.8')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
    expect(languageOf('')).toBe('en');
  });
});
