/** Admin routes under /chronicle: admin JWT required, checked against the plugin's RBAC actions. */
export default {
  type: 'admin' as const,
  routes: [
    {
      method: 'GET',
      path: '/overview',
      handler: 'overview.show',
      config: {
        policies: [{ name: 'admin::hasPermissions', config: { actions: ['plugin::chronicle.read'] } }],
      },
    },
    // Extraction (issue 6): whoever may submit work may have its text read for proposals.
    {
      method: 'POST',
      path: '/extract',
      handler: 'extraction.extract',
      config: {
        policies: [{ name: 'admin::hasPermissions', config: { actions: ['plugin::chronicle.workflow.submit'] } }],
      },
    },
    {
      method: 'POST',
      path: '/extract/accept',
      handler: 'extraction.accept',
      config: {
        policies: [{ name: 'admin::hasPermissions', config: { actions: ['plugin::chronicle.workflow.submit'] } }],
      },
    },
  ],
};
