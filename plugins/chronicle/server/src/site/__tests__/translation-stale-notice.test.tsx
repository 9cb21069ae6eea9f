/** The stale-translation notice: on an English record whose Chinese changed, nowhere else. */
import { renderToStaticMarkup } from 'react-dom/server';
import { siteContext } from '../context';
import { TranslationStaleNotice } from '../parts';

const render = (locale: 'en' | 'zh-Hans', record: { translationStale: boolean; fallback: boolean }) =>
  renderToStaticMarkup(<TranslationStaleNotice ctx={siteContext('/', 'https://x', locale, 'reports/r')} record={record} />);

test('an English page whose Chinese original changed says so', () => {
  expect(render('en', { translationStale: true, fallback: false })).toBe(
    '<p class="notice translation-stale-notice" role="note" data-testid="translation-stale">The Chinese original has been changed since this translation was made; the English may not yet reflect the changes.</p>'
  );
});

test('no notice on a fresh translation, on a Chinese fallback, or in Chinese', () => {
  expect(render('en', { translationStale: false, fallback: false })).toBe('');
  expect(render('en', { translationStale: true, fallback: true })).toBe('');
  expect(render('zh-Hans', { translationStale: true, fallback: false })).toBe('');
});
