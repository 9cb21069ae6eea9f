/** Public, read-only routes under /api/chronicle. Each is granted to the Public role at bootstrap. */
export default {
  type: 'content-api' as const,
  routes: [
    {
      method: 'GET',
      path: '/status',
      handler: 'status.show',
      config: { policies: [] as string[] },
    },
  ],
};
