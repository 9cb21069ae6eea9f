/**
 * Passages a reporter marks as not for readers (DESIGN §7): sensitive details about people
 * mentioned in a report stay in the admin, the rest is published. Markdown conventions:
 *
 *   ::: private            a block the public never sees (until a line with only :::)
 *   …
 *   :::
 *   {{private: …}}         an inline phrase removed from the public text
 *   {{anon: 唐女士}}        a name published as surname + 某 (唐某); a Latin name as "name withheld"
 *
 * Applied to every Markdown text before it is rendered for the public. Pure module.
 */
import { surnameOf } from './public-person';

const BLOCK = /^[ \t]*:::[ \t]*private[ \t]*\r?\n[\s\S]*?(?:^[ \t]*:::[ \t]*(?:\r?\n|$)|(?![\s\S]))/gim;
const INLINE_PRIVATE = /\{\{\s*private\s*:[^}]*\}\}/gi;
const INLINE_ANON = /\{\{\s*anon\s*:\s*([^}]*?)\s*\}\}/gi;

const anonymise = (name: string): string => {
  if (/[\u4e00-\u9fff]/.test(name)) {
    const surname = surnameOf(name);
    return surname ? `${surname}某` : '某';
  }
  return '(name withheld)';
};

export const redactForPublic = (markdown: string): string =>
  markdown.replace(BLOCK, '').replace(INLINE_PRIVATE, '').replace(INLINE_ANON, (_m, name: string) => anonymise(name));
