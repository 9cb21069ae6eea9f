/**
 * Field hints in one language. The layouts stored on the server describe some fields in both
 * languages ("How exactly the time is known … / 时间精度"), and the Content Manager shows a
 * description as it is stored; this edit-view layout hook keeps the part in the admin's
 * language (the one Strapi keeps in localStorage, set at login and by the language switch).
 */
import { inLanguage } from './language';

const LANGUAGE_KEY = 'strapi-admin-language';

interface Field {
  hint?: unknown;
  [key: string]: unknown;
}
interface EditLayout {
  layout: Field[][][];
  components: Record<string, { layout: Field[][]; [key: string]: unknown }>;
  [key: string]: unknown;
}

export const adminLanguage = (): string => {
  try {
    return window.localStorage.getItem(LANGUAGE_KEY) || 'en';
  } catch {
    return 'en';
  }
};

const oneHint = (locale: string) => (field: Field): Field =>
  typeof field.hint === 'string' && field.hint.includes(' / ') ? { ...field, hint: inLanguage(field.hint, locale) } : field;

/** Hook for 'Admin/CM/pages/EditView/mutate-edit-view-layout'. */
export const oneLanguageHints = ({ layout, ...rest }: { layout: EditLayout; [key: string]: unknown }, locale = adminLanguage()) => {
  const decorate = oneHint(locale);
  const components = Object.fromEntries(
    Object.entries(layout.components ?? {}).map(([uid, component]) => [uid, { ...component, layout: component.layout.map((row) => row.map(decorate)) }]),
  );
  return {
    ...rest,
    layout: { ...layout, components, layout: layout.layout.map((panel) => panel.map((row) => row.map(decorate))) },
  };
};
