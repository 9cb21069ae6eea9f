/**
 * One language at a time. The server writes many of its messages in both of the newsroom's
 * languages joined by " / " ("You may not change this field report … / 您无权修改他人的稿件…"),
 * in either order; the admin shows only the part in its own language. A message in one
 * language only is shown as it is.
 */

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/g;
const LATIN = /[A-Za-z]/g;

/** Whether a piece of text is mostly Chinese (more Han characters than Latin letters). */
export function isChinese(text: string): boolean {
  return (text.match(HAN)?.length ?? 0) > (text.match(LATIN)?.length ?? 0);
}

/** The part of a bilingual message for `locale` ('zh-Hans' or anything else for English). */
export function inLanguage(message: string, locale: string): string {
  const parts = message.split(' / ').map((part) => part.trim()).filter(Boolean);
  if (parts.length < 2) return message;
  const chinese = locale.toLowerCase().startsWith('zh');
  const mine = parts.filter((part) => isChinese(part) === chinese);
  // Every part in the other language (or none in either): keep the whole message.
  return mine.length === 0 || mine.length === parts.length ? message : mine.join(' ');
}
