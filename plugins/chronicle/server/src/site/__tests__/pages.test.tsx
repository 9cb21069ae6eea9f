/** The templates on their own: escaping, landmarks, language attributes, the fallback notice. */
import { siteContext } from '../context';
import { ErrorPage } from '../pages/error';
import { ReportPage } from '../pages/report';
import { renderDocument } from '../render';
import { renderToStaticMarkup } from 'react-dom/server';
import { ListLimit, Portrait } from '../parts';
import { TimelinePage } from '../pages/timeline';

const report = {
  slug: 'r',
  title: '<b>标题</b>',
  kicker: null,
  dek: null,
  dateline: { place: '太原', date: '2022-03-04', displayDate: '2022年3月4日' },
  bylines: [{ name: '王勇', slug: 'wang-yong', role: 'reporter', roleLabel: '记者' }],
  tags: [],
  cover: null,
  chronicle: null,
  publishedAt: null,
  updatedAt: null,
  locale: 'zh-Hans' as const,
  fallback: true,
  bodyHtml: '<p>正文</p>',
  photos: [{ url: '/uploads/a.jpg', width: 800, height: 600, caption: '现场', credit: '杨莉', alt: '核酸采样现场' }],
  corrections: [{ date: '2022-03-05T00:00:00.000Z', displayDate: '5 March 2022, 08:00', kind: 'correction' as const, text: '人数应为4800余人次' }],
  profiles: [],
  events: [],
  statistics: [],
  disputedFigures: [],
};

test('a report in English that fell back to Chinese', () => {
  const ctx = siteContext('/news', 'https://x', 'en', 'reports/r');
  const html = renderDocument(<ReportPage ctx={ctx} report={report as any} />);
  expect(html).toContain('<html lang="en">');
  expect(html).toContain('<h1>&lt;b&gt;标题&lt;/b&gt;</h1>');
  expect(html).toContain('<article class="report" lang="zh-Hans">');
  expect(html).toContain('This has not been translated into English yet');
  expect(html).toContain('<link rel="canonical" href="https://x/news/reports/r?lang=en"/>');
  expect(html).toContain('<a class="lang-switch" href="/news/reports/r" hrefLang="zh-Hans" lang="zh-Hans"');
  expect(html).toContain('alt="核酸采样现场"');
  expect(html).toContain('<span class="credit">Photo 杨莉</span>');
  expect(html).toContain('<aside class="corrections" aria-labelledby="corrections">');
  expect(html).toContain('<strong class="correction-kind">Correction</strong>');
  expect(html).toContain('<time dateTime="2022-03-05T00:00:00.000Z">5 March 2022, 08:00</time>');
});

test('a 410 page shows the notice and is not for search engines', () => {
  const ctx = siteContext('/', 'https://x', 'zh-Hans', 'reports/r');
  const html = renderDocument(<ErrorPage ctx={ctx} error={{ status: 410, withdrawal: { reason: '<i>有误</i>', date: '2022-03-06T01:00:00.000Z' } }} />);
  expect(html).toContain('<meta name="robots" content="noindex"/>');
  expect(html).toContain('原因: &lt;i&gt;有误&lt;/i&gt;');
  expect(html).not.toContain('rel="canonical"');
});

test('a portrait is responsive: srcset from the upload formats, alt text, intrinsic size', () => {
  const html = renderToStaticMarkup(
    <Portrait
      portrait={{
        url: '/uploads/p.jpg',
        alt: null,
        width: 1600,
        height: 2000,
        sources: [
          { url: '/uploads/small_p.jpg', width: 400 },
          { url: '/uploads/p.jpg', width: 1600 },
        ],
      }}
      name="郭妍菊"
      sizes="240px"
    />
  );
  expect(html).toBe(
    '<img class="portrait" src="/uploads/p.jpg" srcSet="/uploads/small_p.jpg 400w, /uploads/p.jpg 1600w" sizes="240px" width="1600" height="2000" alt="郭妍菊" loading="lazy" decoding="async"/>'
  );
  expect(renderToStaticMarkup(<Portrait portrait={null} name="赵某" sizes="240px" />)).toBe('');
});

test('a list cut short says how many are shown and links to the API list, in both languages', () => {
  const note = (locale: 'zh-Hans' | 'en') =>
    renderToStaticMarkup(<ListLimit ctx={siteContext('/', 'https://x', locale, 'timeline')} shown={1000} api="/api/chronicle/timeline?locale=en&limit=100" />);
  expect(note('en')).toBe(
    '<p class="list-limit" role="note">Only the first 1,000 are listed here; page through all of them in the public API: <a href="/api/chronicle/timeline?locale=en&amp;limit=100">/api/chronicle/timeline?locale=en&amp;limit=100</a></p>'
  );
  expect(note('zh-Hans')).toContain('此处只列出前 1000 条；全部内容可通过公共接口分页查看：');

});

test('the timeline lists one page of events and links to the next by cursor, so its size does not grow with the archive', () => {
  const event = (i: number) =>
    ({ slug: `e-${i}`, locale: 'en', occurredAt: '2022-03-01T00:00:00.000Z', displayDate: '1 March 2022', title: `Event ${i}`, description: null, place: null, units: [], actors: [], source: null, corrections: [] }) as any;
  const timeline = (locale: 'zh-Hans' | 'en', events: any[], cursor?: string, nextCursor: string | null = null) =>
    renderDocument(
      <TimelinePage
        ctx={siteContext('/', 'https://x', locale, 'timeline', { unit: 'u-1', cursor })}
        events={events}
        units={[]}
        filters={{ unit: 'u-1' }}
        source="/api/chronicle/timeline/timelinejs"
        cursor={cursor}
        nextCursor={nextCursor}
      />
    );
  // All of a small selection: no pager, no note.
  const all = timeline('en', [event(1), event(2)]);
  expect(all.match(/<li id="event-/g)).toHaveLength(2);
  expect(all).not.toContain('class="pager"');
  expect(all).not.toContain('interactive-limit');
  // The first page of a larger one: a link to the next page with the filters kept, and the note.
  const first = timeline('en', [event(1), event(2)], undefined, 'c2');
  expect(first).toContain('<nav aria-label="Pages" class="pager"><a rel="next" href="/timeline?unit=u-1&amp;cursor=c2&amp;lang=en">Later events</a></nav>');
  expect(first).toContain('class="list-limit interactive-limit"');
  // A later page: back to the start, and on.
  const middle = timeline('zh-Hans', [event(3)], 'c2', 'c3');
  expect(middle).toContain('<a href="/timeline?unit=u-1">从头看</a> · <a rel="next" href="/timeline?unit=u-1&amp;cursor=c3">更晚的事件</a>');
  const last = timeline('zh-Hans', [event(4)], 'c3', null);
  expect(last).toContain('<a href="/timeline?unit=u-1">从头看</a></nav>');
  expect(last).not.toContain('rel="next"');
  // The live list (public/site.js) is told which pages lie around it, so it places a new event
  // only on the page it belongs to.
  const liveFlags = (html: string) => [html.includes('data-live-earlier=""'), html.includes('data-live-later=""')];
  expect(liveFlags(all)).toEqual([false, false]);
  expect(liveFlags(first)).toEqual([false, true]);
  expect(liveFlags(middle)).toEqual([true, true]);
  expect(liveFlags(last)).toEqual([true, false]);
});
