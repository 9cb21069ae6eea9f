/**
 * Passages a reporter marks as not for readers (docs/security.md): sensitive details about people
 * mentioned in a report stay in the admin, the rest is published. The markup and how it is
 * read are in ./private-markup (one parser for every public surface):
 *
 *   ::: private            a block the public never sees (until a line with only :::)
 *   …
 *   :::
 *   {{private: …}}         an inline phrase removed from the public text
 *   {{anon: 唐女士}}        a name published as surname + 某 (唐某); a Latin name as "name withheld"
 *
 * Applied to every Markdown text before it is rendered for the public, and to plain texts
 * (summaries, captions) before they are shown. Pure module.
 */
import { applyPrivateMarkup } from './private-markup';
import { surnameOf } from './public-person';

const anonymise = (name: string): string => {
  if (/[\u4e00-\u9fff]/.test(name)) {
    const surname = surnameOf(name);
    return surname ? `${surname}某` : '某';
  }
  return '(name withheld)';
};

export const redactForPublic = (markdown: string): string => applyPrivateMarkup(markdown, anonymise);

/** A plain text field for the public: the same cuts; null stays null. */
export const redactPlainText = <T extends string | null | undefined>(text: T): T =>
  (typeof text === 'string' && text ? redactForPublic(text) : text) as T;
