import config from '../../config';
import { EMBED_SANDBOX, EMBED_SIZES, embedCsp, embedSize, parseEmbedOrigins, siteCsp, thumbnailFits } from '../embed';

const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));

describe('EMBED_ORIGINS', () => {
  test('empty or unset is no origin at all: the embeds are framed by the site itself only', () => {
    for (const raw of [undefined, null, '', ' ', ' , ,', []]) expect(parseEmbedOrigins(raw as never)).toEqual({ ok: true, origins: [] });
  });

  test('a comma-separated list of origins, normalised (case, default port, trailing slash) and without duplicates', () => {
    expect(parseEmbedOrigins(' https://Partner.Example , http://127.0.0.1:8080,https://partner.example:443/, https://gov.example.cn/')).toEqual({
      ok: true,
      origins: ['https://partner.example', 'http://127.0.0.1:8080', 'https://gov.example.cn'],
    });
    expect(parseEmbedOrigins(['https://a.example', 'https://b.example'])).toEqual({ ok: true, origins: ['https://a.example', 'https://b.example'] });
  });

  test.each([
    ['partner.example', 'is not an origin'],
    ['https://partner.example/news', 'has a path, query or fragment'],
    ['https://partner.example?x=1', 'has a path, query or fragment'],
    ['https://partner.example#top', 'has a path, query or fragment'],
    ['https://*.partner.example', 'wildcards are not accepted'],
    ['*', 'wildcards are not accepted'],
    ["'self'", 'quote'],
    ['https://a.example https://b.example', 'space'],
    ['https://a.example;script-src *', 'semicolon'],
    ['ftp://files.example', 'only http and https'],
    ['javascript:alert(1)', 'only http and https'],
    ['https://user:pw@partner.example', 'carries credentials'],
  ])('a malformed entry is refused with a message naming it: %s', (entry, says) => {
    const parsed = parseEmbedOrigins(`https://ok.example,${entry}`);
    expect(parsed.ok).toBe(false);
    const message = (parsed as { message: string }).message;
    expect(message).toContain(JSON.stringify(entry));
    expect(message).toContain(says);
  });

  test('the plugin configuration refuses a malformed EMBED_ORIGINS at boot, naming the variable and the entry', () => {
    expect(() => config.validator({ embedOrigins: 'https://ok.example,partner.example/x' })).toThrow(
      'chronicle.embedOrigins (EMBED_ORIGINS): "partner.example/x" is not an origin such as https://partner.example'
    );
    expect(() => config.validator({ embedOrigins: 'https://ok.example, http://127.0.0.1:9' })).not.toThrow();
    expect(() => config.validator({ embedOrigins: '' })).not.toThrow();
  });
});

describe('the Content-Security-Policy of pages and embeds', () => {
  test('every page but the embeds is framed by the site itself only, and may run our scripts', () => {
    const csp = siteCsp();
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'self'");
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
    expect(directive(csp, 'default-src')).toBe("default-src 'self'");
  });

  test('the embeds: the site and the listed origins may frame them; no script, our stylesheet and images only', () => {
    const csp = embedCsp(['https://partner.example', 'http://127.0.0.1:8080']);
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'self' https://partner.example http://127.0.0.1:8080");
    expect(directive(csp, 'default-src')).toBe("default-src 'none'");
    expect(directive(csp, 'style-src')).toBe("style-src 'self'");
    expect(directive(csp, 'img-src')).toBe("img-src 'self' data:");
    expect(directive(csp, 'script-src')).toBeUndefined();
    expect(csp).not.toContain('unsafe-inline');
    expect(directive(embedCsp([]), 'frame-ancestors')).toBe("frame-ancestors 'self'");
  });
});

describe('the size of an oEmbed iframe', () => {
  test('the kind’s own size without limits', () => {
    expect(embedSize('timeline')).toEqual(EMBED_SIZES.timeline);
    expect(embedSize('profile', {})).toEqual(EMBED_SIZES.profile);
  });

  test('never wider than maxwidth nor taller than maxheight; a larger limit changes nothing', () => {
    expect(embedSize('timeline', { maxwidth: 300 })).toEqual({ width: 300, height: EMBED_SIZES.timeline.height });
    expect(embedSize('report', { maxwidth: 320, maxheight: 200 })).toEqual({ width: 320, height: 200 });
    expect(embedSize('report', { maxwidth: 5000, maxheight: 5000 })).toEqual(EMBED_SIZES.report);
  });

  test('a thumbnail is offered only when it fits the limits as it is', () => {
    const card = { width: 1200, height: 630 };
    expect(thumbnailFits(card)).toBe(true);
    expect(thumbnailFits(card, { maxwidth: 1200, maxheight: 630 })).toBe(true);
    expect(thumbnailFits(card, { maxwidth: 600 })).toBe(false);
    expect(thumbnailFits(card, { maxheight: 629 })).toBe(false);
  });

  test('the iframe may open our pages in a new tab but runs no script', () => {
    expect(EMBED_SANDBOX.split(' ')).toEqual(expect.arrayContaining(['allow-popups', 'allow-popups-to-escape-sandbox']));
    expect(EMBED_SANDBOX).not.toContain('allow-scripts');
  });
});
