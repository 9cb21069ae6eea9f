/**
 * A small strict XML reader for the feed tests (fast-xml-parser is not a dependency):
 * it refuses what is not well-formed — unclosed or crossed tags, unquoted or repeated
 * attributes, unknown entities, bare `<` or `&`, text outside the root, characters XML 1.0
 * forbids — and returns the element tree.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = '[A-Za-z_:][A-Za-z0-9_:.-]*';
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const INVALID_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const decode = (text: string, where: string): string => {
  if (/[<]/.test(text)) throw new Error(`bare < in ${where}`);
  if (/&/.test(text.replace(ENTITY, ''))) throw new Error(`bare & or unknown entity in ${where}`);
  return text.replace(ENTITY, (e) => {
    const map: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
    if (map[e]) return map[e];
    const code = e[2] === 'x' ? parseInt(e.slice(3, -1), 16) : parseInt(e.slice(2, -1), 10);
    return String.fromCodePoint(code);
  });
};

export function parseXml(source: string): XmlElement {
  if (INVALID_CHAR.test(source)) throw new Error('character not allowed in XML 1.0');
  let rest = source.replace(/^\uFEFF/, '');
  const prolog = rest.match(/^<\?xml[^?]*\?>/);
  if (prolog) rest = rest.slice(prolog[0].length);
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const tag = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`);
  while (rest.length) {
    const lt = rest.indexOf('<');
    const text = lt < 0 ? rest : rest.slice(0, lt);
    if (text) {
      if (!stack.length) {
        if (text.trim()) throw new Error('text outside the root element');
      } else stack[stack.length - 1].text += decode(text, stack[stack.length - 1].name);
      rest = rest.slice(text.length);
      continue;
    }
    if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->');
      if (end < 0) throw new Error('unclosed comment');
      rest = rest.slice(end + 3);
      continue;
    }
    const m = rest.match(tag);
    if (!m) throw new Error(`malformed tag near ${JSON.stringify(rest.slice(0, 40))}`);
    const [whole, closing, name, attrText, selfClosing] = m;
    rest = rest.slice(whole.length);
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name || attrText.trim() || selfClosing) throw new Error(`unexpected </${name}>`);
      continue;
    }
    if (root && !stack.length) throw new Error('more than one root element');
    const attributes: Record<string, string> = {};
    for (const a of attrText.matchAll(new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g'))) {
      if (a[1] in attributes) throw new Error(`repeated attribute ${a[1]}`);
      attributes[a[1]] = decode(a[2] ?? a[3] ?? '', `attribute ${a[1]}`);
    }
    const element: XmlElement = { name, attributes, children: [], text: '' };
    if (stack.length) stack[stack.length - 1].children.push(element);
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  if (!root) throw new Error('no root element');
  return root;
}

export const childText = (element: XmlElement, name: string): string | undefined =>
  element.children.find((c) => c.name === name)?.text;
