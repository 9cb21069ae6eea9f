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

/** The layout with its hints in `locale`. */
export const hintsIn = ({ layout, ...rest }: { layout: EditLayout; [key: string]: unknown }, locale: string) => {
  const decorate = oneHint(locale);
  const components = Object.fromEntries(
    Object.entries(layout.components ?? {}).map(([uid, component]) => [uid, { ...component, layout: component.layout.map((row) => row.map(decorate)) }]),
  );
  return {
    ...rest,
    layout: { ...layout, components, layout: layout.layout.map((panel) => panel.map((row) => row.map(decorate))) },
  };
};

/**
 * Hook for 'Admin/CM/pages/EditView/mutate-edit-view-layout'. Strapi's waterfall passes its
 * store as a second argument, so the language is read here, not taken as a parameter.
 */
export const oneLanguageHints = (args: { layout: EditLayout; [key: string]: unknown }) => hintsIn(args, adminLanguage());
