/**
 * Private markup (issue #14): one parser on markdown-it's token stream, Unicode spaces and
 * full-width forms folded, failing closed. The property test puts a canary inside generated
 * variants of every private form and checks that no public rendering contains it.
 */
import fc from 'fast-check';
import { applyPrivateMarkup, hasPrivateMarkup, privateMarkupProblems } from '../private-markup';
import { redactForPublic } from '../redaction';
import { renderMarkdown } from '../safe-markdown';

const CANARY = 'zqxCANARY7';
const publicSurfaces = (text: string) => [redactForPublic(text), renderMarkdown(text)];

describe('private blocks', () => {
  test.each([
    ['ideographic space after the colons', ':::\u3000private\n' + CANARY + '\n:::'],
    ['no-break space after the colons', ':::\u00a0private\n' + CANARY + '\n:::'],
    ['four colons', ':::: private\n' + CANARY + '\n::::'],
    ['full-width colons and letters', '：：：　ｐｒｉｖａｔｅ\n' + CANARY + '\n：：：'],
    ['inside a blockquote', '> 引述\n>\n> ::: private\n> ' + CANARY + '\n> :::\n> 公开'],
    ['inside a list item', '- 第一条\n- ::: private\n  ' + CANARY + '\n  :::\n- 第三条'],
    ['zero-width space in the marker', ':::\u200b private\n' + CANARY + '\n:::'],
    ['upper case, words after private', '::: PRIVATE 家属信息\n' + CANARY + '\n:::'],
  ])('%s: hidden on every surface', (_name, body) => {
    const text = `开头。\n\n${body}\n\n结尾。`;
    for (const out of publicSurfaces(text)) {
      expect(out).not.toContain(CANARY);
      expect(out).toContain('结尾');
    }
    expect(privateMarkupProblems(text)).toEqual([]);
  });

  test('a block closed by the end of its blockquote is a problem, and hides the rest', () => {
    const text = '公开。\n\n> ::: private\n> ' + CANARY + '\n\n后文。';
    expect(privateMarkupProblems(text)).toEqual([expect.objectContaining({ line: 3, column: 1, message: expect.stringMatching(/never closed/) })]);
    expect(redactForPublic(text)).toBe('公开。\n\n');
  });

  test('a private marker markdown-it reads as code is a problem, and the text stops before it', () => {
    const text = '公开。\n\n    ::: private\n    ' + CANARY + '\n    :::\n';
    const problems = privateMarkupProblems(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 3, column: 1 });
    expect(problems[0].message).toMatch(/not read as one/);
    for (const out of publicSurfaces(text)) expect(out).not.toContain(CANARY);
  });

  test('an unclosed block hides everything after it', () => {
    expect(redactForPublic('公开。\n::: private\n不公开')).toBe('公开。\n');
    expect(privateMarkupProblems('公开。\n::: private\n不公开')[0]).toMatchObject({ line: 2, column: 1 });
  });

  test('other containers are untouched text, and a closing run may be longer', () => {
    expect(redactForPublic('::: note\n公开\n:::')).toBe('::: note\n公开\n:::');
    expect(redactForPublic('::: private\n秘\n:::::\n后')).toBe('后');
  });
});

describe('inline private phrases and anonymised names', () => {
  test('a } inside a private phrase does not end it', () => {
    expect(redactForPublic(`甲{{private: 病历 } ${CANARY}}}乙`)).toBe('甲乙');
  });

  test('nested markers go with the phrase around them', () => {
    expect(redactForPublic(`甲{{private: {{anon: 唐女士}} ${CANARY}}}乙`)).toBe('甲乙');
  });

  test('spaces, case and full-width forms of the marker', () => {
    expect(redactForPublic(`甲{{\u3000PRIVATE\u00a0：${CANARY}}}乙`)).toBe('甲乙');
    expect(redactForPublic(`甲｛｛private: ${CANARY}｝｝乙`)).toBe('甲乙');
    expect(redactForPublic('{{ anon ： 唐女士 }}来电')).toBe('唐某来电');
  });

  test('an unclosed phrase is a problem with its place, and hides the rest of the text', () => {
    const text = `第一行\n甲{{private: ${CANARY}\n后文`;
    expect(privateMarkupProblems(text)).toEqual([{ line: 2, column: 2, message: '"{{private:" is never closed with "}}"' }]);
    expect(redactForPublic(text)).toBe('第一行\n');
  });

  test('a marker without its colon is a problem', () => {
    expect(privateMarkupProblems(`{{private ${CANARY}}}`)[0].message).toMatch(/colon/);
    expect(redactForPublic(`前\n{{private ${CANARY}}}`)).toBe('前\n');
  });

  test('in code spans the markers still count (fail closed)', () => {
    expect(renderMarkdown(`\`{{private: ${CANARY}}}\``)).not.toContain(CANARY);
  });

  test('plain text without markup is unchanged and has no problems', () => {
    const text = '3月6日，全域核酸检测结果均为阴性。{{ not a marker }} ::: 提示';
    expect(redactForPublic(text)).toBe(text);
    expect(privateMarkupProblems(text)).toEqual([]);
    expect(hasPrivateMarkup(text)).toBe(false);
    expect(hasPrivateMarkup('a {{private: b}}')).toBe(true);
  });

  test('applyPrivateMarkup takes the anonymiser', () => {
    expect(applyPrivateMarkup('{{anon: Li Lei}} said', (n) => `<${n}>`)).toBe('<Li Lei> said');
  });
});

describe('property: no variant of the private forms reaches a public surface', () => {
  const space = fc.constantFrom('', ' ', '  ', '\t', '\u00a0', '\u3000', '\u2003', '\u202f', '\u2009', '\u200b', '\ufeff');
  const someSpace = fc.constantFrom(' ', '\t', '\u00a0', '\u3000', '\u2003', '\u202f');
  const colons = fc.constantFrom(':::', '::::', ':::::', '：：：', '：：：：', '\ufe55\ufe55\ufe55');
  const keyword = fc.constantFrom('private', 'PRIVATE', 'Private', 'ｐｒｉｖａｔｅ', 'ＰＲＩＶＡＴＥ');
  const colon = fc.constantFrom(':', '：', '\ufe55');
  const open = fc.constantFrom('{{', '｛｛', '{｛');
  const close = fc.constantFrom('}}', '｝｝');
  const filler = fc.constantFrom('', '居民信息', '"引号"', '「引号」', '}', '{', '} {', '#', '- 项', '**粗**', '{{anon: 唐女士}}', '\\');
  /** Lines inside a block: plain text, headings, lists, quotes, the canary somewhere. */
  const inner = fc
    .tuple(fc.array(fc.constantFrom('普通一行', '# 标题', '## 小标题', '- 列表项', '1. 编号', '"引号"', '`代码`', '｛括号｝'), { maxLength: 3 }), fc.nat(3))
    .map(([lines, at]) => {
      const copy = [...lines];
      copy.splice(Math.min(at, copy.length), 0, `${CANARY} 不公开`);
      return copy;
    });
  /** A container prefix for every line: none, blockquote, list item (first line marker, rest indented), nested. */
  const nesting = fc.constantFrom(
    { first: '', rest: '' },
    { first: '> ', rest: '> ' },
    { first: '>', rest: '>' },
    { first: '> > ', rest: '> > ' },
    { first: '- ', rest: '  ' },
    { first: '1. ', rest: '   ' },
    { first: '- > ', rest: '  > ' },
    { first: '  ', rest: '  ' }
  );

  const block = fc
    .record({ colons, pre: space, keyword, post: space, lead: fc.constantFrom('', ' ', '  ', '\u3000'), inner, nesting, closeSpace: space, closed: fc.boolean(), longer: fc.boolean() })
    .map(({ colons: c, pre, keyword: k, post, lead, inner: lines, nesting: n, closeSpace, closed, longer }) => {
      const closer = `${longer ? c + ':' : c}${closeSpace.trim() === '' ? closeSpace.replace(/[\u200b\ufeff]/g, '') : ''}`;
      const body = [`${lead}${c}${pre}${k}${post}`, ...lines, ...(closed ? [closer] : [])];
      return body.map((line, i) => (i === 0 ? n.first : n.rest) + line).join('\n');
    });

  const inline = fc
    .record({ open, s1: space, keyword, s2: space, colon, s3: space, before: filler, after: filler, close })
    .map(({ open: o, s1, keyword: k, s2, colon: c, s3, before, after, close: cl }) => `${o}${s1}${k}${s2}${c}${s3}${before}${CANARY}${after}${cl}`);

  const context = fc.record({
    before: fc.constantFrom('', '开头一段。\n\n', '# 标题\n\n', '- 列表\n', '> 引述\n', '正文紧接着\n'),
    after: fc.constantFrom('', '\n\n结尾一段。', '\n后续', '\n\n- 列表'),
  });

  test('blocks', () => {
    fc.assert(
      fc.property(block, context, (b, { before, after }) => {
        const text = `${before}${b}${after}`;
        for (const out of publicSurfaces(text)) expect(out).not.toContain(CANARY);
      }),
      { numRuns: 200 }
    );
  });

  test('inline phrases, inside headings, lists and quotes too', () => {
    const host = fc.constantFrom('', '# ', '- ', '> ', '1. ', '**');
    fc.assert(
      fc.property(inline, host, context, (phrase, h, { before, after }) => {
        const text = `${before}${h}甲${phrase}乙${after}`;
        for (const out of publicSurfaces(text)) expect(out).not.toContain(CANARY);
      }),
      { numRuns: 200 }
    );
  });

  test('well-formed markup has no problems; problems always come with a line and column', () => {
    fc.assert(
      fc.property(fc.oneof(block, inline), (text) => {
        for (const p of privateMarkupProblems(text)) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.column).toBeGreaterThanOrEqual(1);
          expect(p.message).toBeTruthy();
        }
      }),
      { numRuns: 100 }
    );
  });
});
