/** The "how we know" line under a figure (issue #17), in both languages, dated in Asia/Shanghai. */
import { renderToStaticMarkup } from 'react-dom/server';
import { siteContext } from '../context';
import { DisputedFigures, FigureSource } from '../parts';

const text = (html: string) => html.replace(/<[^>]+>/g, '');
// 3 Dec 2026 16:30 UTC is already 4 Dec in Shanghai.
const verified = { state: 'verified' as const, source: { kind: 'document' as const, title: '太原日报', page: '3', url: null, name: null, office: null }, checkedAt: '2026-12-03T16:30:00.000Z' };

test('a verified figure: source and the day it was checked, in the newsroom’s time zone', () => {
  expect(text(renderToStaticMarkup(<FigureSource ctx={siteContext('/', 'https://x', 'zh-Hans', 'statistics')} figure={{ verification: verified }} />))).toBe('来源：太原日报（第3页），核实于2026年12月4日');
  expect(text(renderToStaticMarkup(<FigureSource ctx={siteContext('/', 'https://x', 'en', 'statistics')} figure={{ verification: verified }} />))).toBe('Source: 太原日报, p. 3, verified 4 Dec 2026');
});

test('an unverified figure says so; a statement names the official', () => {
  const unverified = { state: 'unverified' as const, source: { kind: 'statement' as const, title: null, page: null, url: null, name: '王某', office: '区卫健委主任' }, checkedAt: null };
  expect(text(renderToStaticMarkup(<FigureSource ctx={siteContext('/', 'https://x', 'zh-Hans', 'statistics')} figure={{ verification: unverified }} />))).toBe('来源：区卫健委主任王某介绍 · 未核实');
  expect(text(renderToStaticMarkup(<FigureSource ctx={siteContext('/', 'https://x', 'en', 'statistics')} figure={{ verification: { ...unverified, source: null } }} />))).toBe('not yet verified');
});

test('a report names its disputed figures without numbers', () => {
  expect(text(renderToStaticMarkup(<DisputedFigures ctx={siteContext('/', 'https://x', 'zh-Hans', 'statistics')} figures={[{ slug: 'a', label: '核酸检测人次' }]} />))).toContain('有争议 以下数据的准确性有争议，暂不引用其数值： 核酸检测人次');
});
