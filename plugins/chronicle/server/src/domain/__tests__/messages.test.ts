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
    const withoutParams = english.replace(/启动应急响应|尖草坪区|古城街道/g, '');
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
