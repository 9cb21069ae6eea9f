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
  ],
};
