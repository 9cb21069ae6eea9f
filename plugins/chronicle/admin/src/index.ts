/**
 * Admin entry of the chronicle plugin: the Newsroom page, the edit view's panels (unsaved
 * changes, workflow, Extract), the translations (zh-Hans, en: our messages, the names of our
 * types, fields and enumeration values, and the Content Manager's own screens in Chinese),
 * the datetime input in Beijing time, and one workflow on screen: for the newsroom's types
 * the Content Manager's Publish and Unpublish actions (and i18n's publish/unpublish of several
 * locales) are left out: the Workflow panel changes state.
 */
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from './pluginId';
import { ExtractPanel } from './components/ExtractPanel';
import { FigureVerificationPanel } from './components/FigureVerificationPanel';
import { PluginIcon } from './components/PluginIcon';
import { ShanghaiDateTimeInput } from './components/ShanghaiDateTimeInput';
import { translations } from './translations';
import { labelMessages } from './translations/labels';
import { strapiZhHans } from './translations/strapi-zh-Hans';
import { UnsavedChangesPanel } from './components/UnsavedChangesPanel';
import { oneLanguageHints } from './utils/one-language-hints';
import { sendAdminLanguage } from './utils/admin-language';
import { EDITORIAL_UIDS, WorkflowPanel } from './components/WorkflowPanel';
import { injectWorkflowStateColumn } from './components/WorkflowStateColumn';
import { RevisionPanel } from './components/RevisionDiff';

const prefixed = (data: Record<string, string>) =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));

/** Strapi's own state-changing document actions, which the Workflow panel replaces on our types. */
const REPLACED_ACTIONS = ['publish', 'unpublish'];
/** i18n's "Publish/Unpublish multiple locales" carry no type: known by their title's message id. */
const BULK_LOCALE_TITLES = ['i18n.CMEditViewBulkLocale.publish-title', 'i18n.CMEditViewBulkLocale.unpublish-title'];

/** The action as it was on other types; on the newsroom's editorial types, none that publishes. */
const oneWorkflow = (action: any) => {
  const Wrapped = (props: any) => {
    const { formatMessage } = useIntl();
    const ours = EDITORIAL_UIDS.includes(props?.model);
    // The model of a mounted edit view does not change, so the hooks run in the same order.
    if (ours && REPLACED_ACTIONS.includes(action.type)) return null;
    const description = action(props);
    if (!ours || !description) return description;
    const bulk = BULK_LOCALE_TITLES.map((id) => formatMessage({ id, defaultMessage: id }));
    return bulk.includes(description.label) ? null : description;
  };
  Object.assign(Wrapped, { type: action.type, position: action.position });
  return Wrapped;
};

export default {
  register(app: any) {
    // Our refusals reach Strapi's toasts as the server wrote them: it writes them in the admin's language.
    sendAdminLanguage();
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Newsroom' },
      Component: async () => (await import('./pages/App')).App,
      permissions: [{ action: 'plugin::chronicle.read', subject: null }],
    });
    // Date-times are typed and read in Beijing time, whatever the browser's zone.
    app.addFields({ type: 'datetime', Component: ShanghaiDateTimeInput });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  bootstrap(app: any) {
    // Field hints stored in both languages show in the admin's only.
    app.registerHook('Admin/CM/pages/EditView/mutate-edit-view-layout', oneLanguageHints);
    // The list view shows the workflow state, not Strapi's Draft/Published.
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', injectWorkflowStateColumn);
    const cm = app.getPlugin('content-manager').apis;
    cm.addEditViewSidePanel([UnsavedChangesPanel, WorkflowPanel, RevisionPanel, FigureVerificationPanel, ExtractPanel]);
    cm.addDocumentAction((actions: any[]) => actions.map(oneWorkflow));
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return locales.map((locale) => {
      const chinese = locale === 'zh-Hans';
      const data = {
        ...(chinese ? strapiZhHans : {}),
        ...labelMessages(chinese ? 1 : 0),
        ...prefixed(translations[locale] ?? translations.en),
      };
      return { data, locale };
    });
  },
};
