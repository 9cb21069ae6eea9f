/**
 * The application's secrets: `.env` is written with fresh random values when it is missing
 * and never overwritten. Returns the variables it holds (without touching process.env).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const envFile = path.join(root, '.env');

const secret = () => crypto.randomBytes(24).toString('base64');

/** Strapi's admin password policy: 8+ characters with an upper-case letter, a lower-case letter and a digit. */
const demoPassword = () => `Chronicle-${crypto.randomBytes(6).toString('hex')}-A7`;

function ensureEnvFile() {
  if (fs.existsSync(envFile)) return { created: false };
  const lines = [
    '# Written by `npm run demo` because no .env existed. Keep it private; never commit it.',
    'HOST=0.0.0.0',
    'PORT=1337',
    `APP_KEYS=${[secret(), secret(), secret(), secret()].join(',')}`,
    `API_TOKEN_SALT=${secret()}`,
    `ADMIN_JWT_SECRET=${secret()}`,
    `TRANSFER_TOKEN_SALT=${secret()}`,
    `JWT_SECRET=${secret()}`,
    `ENCRYPTION_KEY=${secret()}`,
    'DATABASE_CLIENT=sqlite',
    'DATABASE_FILENAME=.tmp/data.db',
    `DEMO_PASSWORD=${demoPassword()}`,
    '',
  ];
  fs.writeFileSync(envFile, lines.join('\n'), { mode: 0o600 });
  return { created: true };
}

function readEnvFile() {
  if (!fs.existsSync(envFile)) return {};
  return require('dotenv').parse(fs.readFileSync(envFile));
}

/** Values from .env fill what the process environment does not already say. */
function loadEnv() {
  const values = readEnvFile();
  for (const [key, value] of Object.entries(values)) {
    if (process.env[key] === undefined) process.env[key] = value;
  }
  return values;
}

module.exports = { root, envFile, ensureEnvFile, loadEnv, demoPassword };
