/**
 * A corpus of XSS vectors (in the spirit of the OWASP filter-evasion cheat sheet) must come out
 * of renderMarkdown inert: no script element, no event-handler attribute, no javascript:/data:/
 * vbscript: URL in any href or src, no raw SVG/XMP/iframe, no id or name attribute to clobber the DOM.
 */
import { renderMarkdown } from '../safe-markdown';

const VECTORS: string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=http://xss.example/xss.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
  '<svg/onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<xmp><p title="</xmp><img src=x onerror=alert(1)>">',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a id="defaultView" name="location" href="#">clobber</a>',
  '<form id="test"><input name="attributes"></form>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](  javascript:alert(1))',
  '[click](java\tscript:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1))',
  '[click](javascript&colon;alert(1))',
  '[click](%6A%61%76%61%73%63%72%69%70%74:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](<javascript:alert(1)>)',
  '[ref][x]\n\n[x]: javascript:alert(1)',
  '![img](javascript:alert(1))',
  '![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![img](x" onerror="alert(1))',
  '<javascript:alert(1)>',
  'javascript:alert(1)',
  '<http://example.com/" onmouseover="alert(1)>',
  '[a](http://example.com/"onmouseover="alert(1))',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '<!-- <script>alert(1)</script> -->',
  '<style>body{background:red}</style>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<a href="https://example.com" onclick="alert(1)">x</a>',
];

const tags = (html: string) => html.match(/<[a-z][^>]*>/gi) ?? [];

describe('renderMarkdown against XSS vectors', () => {
  test.each(VECTORS)('%s renders inert', (vector) => {
    const html = renderMarkdown(vector);
    for (const tag of tags(html)) {
      expect(tag).not.toMatch(/^<(script|svg|xmp|iframe|style|math|form|input|object|embed|base|meta|link)\b/i);
      expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
      expect(tag).not.toMatch(/\s(id|name|style)\s*=/i);
      for (const [, url] of tag.matchAll(/\s(?:href|src)\s*=\s*"([^"]*)"/gi)) {
        expect(url).toMatch(/^(https?:\/\/|mailto:)/i);
      }
    }
  });

  test('ordinary Markdown still works: emphasis, lists, http links and mailto', () => {
    const html = renderMarkdown('**民警**坚守\n\n- 一\n- 二\n\n[报社](https://example.com/a?b=1) [来信](mailto:news@example.com)');
    expect(html).toContain('<strong>民警</strong>');
    expect(html).toContain('<li>一</li>');
    expect(html).toContain('<a href="https://example.com/a?b=1" rel="nofollow noopener noreferrer">报社</a>');
    expect(html).toContain('<a href="mailto:news@example.com">来信</a>');
  });
});
