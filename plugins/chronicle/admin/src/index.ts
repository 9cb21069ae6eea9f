/**
 * Admin entry of the chronicle plugin: the Newsroom page, the edit view's panels (unsaved
 * changes, workflow, Extract), the translations (zh-Hans, en: our messages, the names of our
 * types, fields and enumeration values, and the Content Manager's own screens in Chinese),
 * the datetime input in Beijing time, and one workflow on screen: for the newsroom's types
 * the Content Manager's Publish and Unpublish actions are left out (the Workflow panel
 * changes state).
 */
import { PLUGIN_ID } from './pluginId';
import { ExtractPanel } from './components/ExtractPanel';
import { PluginIcon } from './components/PluginIcon';
import { ShanghaiDateTimeInput } from './components/ShanghaiDateTimeInput';
import { translations } from './translations';
import { labelMessages } from './translations/labels';
import { strapiZhHans } from './translations/strapi-zh-Hans';
import { UnsavedChangesPanel } from './components/UnsavedChangesPanel';
import { EDITORIAL_UIDS, WorkflowPanel } from './components/WorkflowPanel';

const prefixed = (data: Record<string, string>) =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));

/** Strapi's own state-changing document actions, which the Workflow panel replaces on our types. */
const REPLACED_ACTIONS = ['publish', 'unpublish'];

/** The action as it was on other types; nothing on the newsroom's editorial types. */
const outsideWorkflow = (action: any) => {
  const Wrapped = (props: any) => (EDITORIAL_UIDS.includes(props?.model) ? null : action(props));
  Object.assign(Wrapped, { type: action.type, position: action.position });
  return Wrapped;
};

export default {
  register(app: any) {
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
    const cm = app.getPlugin('content-manager').apis;
    cm.addEditViewSidePanel([UnsavedChangesPanel, WorkflowPanel, ExtractPanel]);
    cm.addDocumentAction((actions: any[]) =>
      actions.map((action) => (REPLACED_ACTIONS.includes(action.type) ? outsideWorkflow(action) : action)),
    );
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
