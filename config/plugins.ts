export default ({ env }) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
    },
  },
  chronicle: {
    enabled: true,
    resolve: './plugins/chronicle',
  },
});
