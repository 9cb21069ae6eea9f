/** Admin entry of the chronicle plugin: the Newsroom page, the edit view's panels (unsaved changes, workflow, Extract) and the translations (zh-Hans, en). */
import { PLUGIN_ID } from './pluginId';
import { ExtractPanel } from './components/ExtractPanel';
import { PluginIcon } from './components/PluginIcon';
import { translations } from './translations';
import { UnsavedChangesPanel } from './components/UnsavedChangesPanel';
import { WorkflowPanel } from './components/WorkflowPanel';

const prefixed = (data: Record<string, string>) =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));

export default {
  register(app: any) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Newsroom' },
      Component: async () => (await import('./pages/App')).App,
      permissions: [{ action: 'plugin::chronicle.read', subject: null }],
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  bootstrap(app: any) {
    app.getPlugin('content-manager').apis.addEditViewSidePanel([UnsavedChangesPanel, WorkflowPanel, ExtractPanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return locales.map((locale) => ({ data: prefixed(translations[locale] ?? {}), locale }));
  },
};
