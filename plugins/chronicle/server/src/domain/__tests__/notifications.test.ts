import { NOTICE_KINDS } from '../../contracts/admin';
import { RULES } from '../workflow';
import {
  adminDocumentPath,
  audienceOf,
  beijingTime,
  kindOfTransition,
  NOTIFICATION_KINDS,
  noteExcerpt,
  noticeEmail,
  noticeHeadline,
  noticeLanguage,
  recipientsOf,
  tellsPeople,
} from '../notifications';

describe('who is told of which step', () => {
  test('every transition of the workflow is either a notice or deliberately silent', () => {
    const table = RULES.flatMap((r) => r.from.map((from) => `${from}→${r.to}: ${kindOfTransition(from, r.to) ?? '-'}`));
    expect(table).toEqual([
      'draft→in_review: submitted',
      'changes_requested→in_review: submitted',
      'in_review→draft: -',
      'in_review→changes_requested: changes_requested',
      'approved→changes_requested: changes_requested',
      'in_review→approved: approved',
      'approved→scheduled: scheduled',
      'scheduled→approved: -',
      'approved→published: published',
      'scheduled→published: published',
      'published→corrected: corrected',
      'corrected→corrected: corrected',
      'published→withdrawn: withdrawn',
      'corrected→withdrawn: withdrawn',
      'withdrawn→draft: -',
    ]);
    expect(kindOfTransition('in_review', 'in_review')).toBeUndefined();
  });

  test('the admin contract names the same kinds', () => {
    expect([...NOTICE_KINDS]).toEqual([...NOTIFICATION_KINDS]);
  });

  test('people and the scheduler tell; bulk loaders do not', () => {
    expect(tellsPeople({ kind: 'user', name: 'reporter' })).toBe(true);
    expect(tellsPeople({ kind: 'system', name: 'system:scheduler' })).toBe(true);
    expect(tellsPeople({ kind: 'system', name: 'system:demo-loader' })).toBe(false);
    expect(tellsPeople({ kind: 'system', name: 'system:import' })).toBe(false);
  });

  test('editors hear of submissions, authors of the rest', () => {
    expect(audienceOf('submitted')).toBe('editors');
    for (const kind of ['changes_requested', 'approved', 'scheduled', 'published', 'corrected', 'withdrawn'] as const) {
      expect(audienceOf(kind)).toBe('authors');
    }
  });

  test('recipients: never the actor, each once, nobody missing', () => {
    expect(recipientsOf('submitted', { actorId: 1, authors: [1], editors: [3, 4, 1, 3] })).toEqual([3, 4]);
    expect(recipientsOf('approved', { actorId: 3, authors: [1, 1, null, 2], editors: [3] })).toEqual([1, 2]);
    // An editor who wrote and published their own piece is not told what they did.
    expect(recipientsOf('published', { actorId: 3, authors: [3], editors: [3] })).toEqual([]);
    // The scheduler has no id: the author hears of the publication.
    expect(recipientsOf('published', { actorId: null, authors: [1], editors: [] })).toEqual([1]);
  });
});

describe('what they are told', () => {
  test('the admin language decides, Chinese by default', () => {
    expect(noticeLanguage('en')).toBe('en');
    expect(noticeLanguage('EN-gb')).toBe('en');
    expect(noticeLanguage('zh-Hans')).toBe('zh-Hans');
    expect(noticeLanguage(null)).toBe('zh-Hans');
    expect(noticeLanguage('fr')).toBe('zh-Hans');
  });

  test('headlines in both languages', () => {
    const facts = { kind: 'changes_requested' as const, title: '网格员入户排查', actor: '编辑甲', note: '请核实数字' };
    expect(noticeHeadline(facts, 'zh-Hans')).toBe('《网格员入户排查》需要修改');
    expect(noticeHeadline(facts, 'en')).toBe('Changes requested on “网格员入户排查”');
    expect(noticeHeadline({ ...facts, kind: 'submitted', actor: '记者乙' }, 'zh-Hans')).toBe('记者乙 提交了《网格员入户排查》，等待审核');
    expect(noticeHeadline({ ...facts, title: '  ' }, 'en')).toBe('Changes requested on “(untitled)”');
  });

  test('a note is cut by characters, not bytes or UTF-16 units', () => {
    expect(noteExcerpt('  请  核实\n数字 ')).toBe('请 核实 数字');
    expect(noteExcerpt('')).toBeNull();
    expect(noteExcerpt(null)).toBeNull();
    const long = '𠀀'.repeat(300);
    const cut = noteExcerpt(long, 10)!;
    expect([...cut]).toHaveLength(10);
    expect(cut.endsWith('…')).toBe(true);
  });

  test('Beijing time, 24-hour in Chinese, whatever the host zone', () => {
    expect(beijingTime('2022-03-08T12:30:00Z', 'zh-Hans')).toBe('2022年3月8日 20:30');
    expect(beijingTime('2022-03-08T16:05:00Z', 'zh-Hans')).toBe('2022年3月9日 00:05');
    expect(beijingTime('2022-03-08T12:30:00Z', 'en')).toBe('8 Mar 2022, 20:30 (Beijing time)');
  });

  test('the e-mail carries the headline, the note, the time and the link', () => {
    const link = adminDocumentPath('https://news.example/admin/', 'plugin::chronicle.field-report', 'abc', 'zh-Hans');
    expect(link).toBe('https://news.example/admin/content-manager/collection-types/plugin::chronicle.field-report/abc?plugins[i18n][locale]=zh-Hans');
    const zh = noticeEmail({ kind: 'scheduled', title: '核酸检测', actor: '编辑甲', note: '周二早上发', scheduledFor: '2022-03-08T00:00:00Z' }, 'zh-Hans', link);
    expect(zh.subject).toBe('[编辑部] 《核酸检测》已安排发布');
    expect(zh.text).toContain('发布时间（北京时间）：2022年3月8日 08:00');
    expect(zh.text).toContain('附言：周二早上发');
    expect(zh.text).toContain(`打开稿件：${link}`);
    const en = noticeEmail({ kind: 'approved', title: '核酸检测', actor: 'Editor A' }, 'en', link);
    expect(en.subject).toBe('[Newsroom] “核酸检测” was approved');
    expect(en.text).not.toContain('Note:');
    expect(en.text).toContain(`Open it: ${link}`);
  });
});
