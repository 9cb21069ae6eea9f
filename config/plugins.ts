// E-mail (workflow notices, docs/deploy.md): only when an SMTP server is named. Without
// SMTP_HOST no provider is configured and the newsroom's notices stay in the admin.
const email = (env) =>
  env('SMTP_HOST')
    ? {
        email: {
          config: {
            provider: 'nodemailer',
            providerOptions: {
              host: env('SMTP_HOST'),
              port: env.int('SMTP_PORT', 587),
              secure: env.bool('SMTP_SECURE', false),
              ...(env('SMTP_USER') ? { auth: { user: env('SMTP_USER'), pass: env('SMTP_PASS', '') } } : {}),
              connectionTimeout: 10_000,
              greetingTimeout: 10_000,
              socketTimeout: 20_000,
            },
            settings: {
              defaultFrom: env('EMAIL_FROM', 'newsroom@localhost'),
              defaultReplyTo: env('EMAIL_FROM', 'newsroom@localhost'),
            },
          },
        },
      }
    : {};

const webhooks = (env) => {
  const raw = env('CHRONICLE_WEBHOOKS', '');
  if (!raw.trim()) return [];
  try {
    return JSON.parse(raw);
  } catch {
    throw new Error('CHRONICLE_WEBHOOKS must be a JSON array of {url, events, headers?, secret?} (docs/workflow.md)');
  }
};

export default ({ env }) => ({
  ...email(env),
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
    },
  },
  upload: {
    config: {
      sizeLimit: env.int('UPLOAD_MAX_BYTES', 50 * 1024 * 1024),
      // The type is checked by the file's content (magic bytes), not its name or declared type.
      // SVG and HTML can carry script: refused whatever they call themselves.
      security: {
        allowedTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif', 'video/mp4', 'video/webm', 'application/pdf'],
        deniedTypes: ['image/svg+xml', 'text/html', 'application/xhtml+xml', 'text/xml', 'application/xml', 'text/javascript', 'application/javascript'],
      },
    },
  },
  chronicle: {
    enabled: true,
    resolve: './plugins/chronicle',
    config: {
      // Images larger than this are refused before decoding (a 14000×14000 PNG is 196 MP).
      maxImagePixels: env.int('UPLOAD_MAX_IMAGE_PIXELS', 40_000_000),
      rateLimit: {
        publicApi: { max: env.int('PUBLIC_RATE_LIMIT', 600), windowSeconds: env.int('PUBLIC_RATE_WINDOW_SECONDS', 60) },
        signIn: { maxFailures: env.int('SIGN_IN_MAX_FAILURES', 10), windowSeconds: env.int('SIGN_IN_WINDOW_SECONDS', 900) },
        // Site pages and share cards rendered for one address (cache hits are free).
        site: { max: env.int('SITE_RATE_LIMIT', 300), windowSeconds: env.int('SITE_RATE_WINDOW_SECONDS', 60) },
        // Where counters live: auto = Redis with REDIS_URL, else PostgreSQL when the database is, else memory.
        store: env('RATE_LIMIT_STORE', 'auto'),
      },
      // The public site's base path (docs/site.md): '/' or e.g. '/news'.
      sitePath: env('SITE_BASE_PATH', '/'),
      // Origins that may frame the /embed/* pages (docs/deploy.md): comma-separated, e.g.
      // https://partner.example,https://gov.example; empty = this site only.
      embedOrigins: env('EMBED_ORIGINS', ''),
      // Workflow webhooks that work in Community Edition (docs/workflow.md): a JSON array.
      webhooks: webhooks(env),
    },
  },
});
