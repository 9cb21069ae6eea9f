/**
 * Markdown to HTML for the public API (docs/security.md): markdown-it with raw HTML off, so
 * `<script>` in a report is text, and links (and images) limited to http, https and
 * mailto — anything else (javascript:, data:, vbscript:, relative or protocol-relative
 * URLs) is left as plain text. Pure module.
 */
import MarkdownIt from 'markdown-it';
import { redactForPublic } from './redaction';

const ALLOWED = /^(?:https?:\/\/|mailto:)/i;

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

markdown.validateLink = (url: string) => {
  // markdown-it passes the URL as written; strip what browsers ignore before a scheme.
  const cleaned = url.trim().replace(/[\u0000-\u001F\u007F\s]+/g, '');
  return ALLOWED.test(cleaned);
};

// Links to other sites should not pass on the reader's session or our ranking.
const defaultLinkOpen =
  markdown.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const href = String(tokens[idx].attrGet('href') ?? '');
  if (/^https?:/i.test(href)) tokens[idx].attrSet('rel', 'nofollow noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Public HTML of a Markdown text: passages marked private are removed first (./redaction). */
export const renderMarkdown = (source: string | null | undefined): string =>
  source ? markdown.render(redactForPublic(source)) : '';
