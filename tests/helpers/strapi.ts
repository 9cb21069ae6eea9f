/**
 * Boots one real Strapi from the built application for an API test file, on a database of
 * its own: a fresh SQLite file under .tmp/, or with DATABASE_CLIENT=postgres a fresh
 * PostgreSQL database (127.0.0.1:5432, trust auth) that is dropped afterwards.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

export const root = path.resolve(__dirname, '..', '..');

const TEST_SECRETS: Record<string, string> = {
  APP_KEYS: 'testKeyOne,testKeyTwo',
  API_TOKEN_SALT: 'test-api-token-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  JWT_SECRET: 'test-jwt-secret',
  ENCRYPTION_KEY: 'test-encryption-key',
};

export const isPostgres = () => process.env.DATABASE_CLIENT === 'postgres';

const pgAdminConfig = () => ({
  host: process.env.DATABASE_HOST || '127.0.0.1',
  port: Number(process.env.DATABASE_PORT || 5432),
  user: process.env.DATABASE_USERNAME || 'postgres',
  password: process.env.DATABASE_PASSWORD || '',
  database: process.env.PG_ADMIN_DATABASE || 'test',
});

async function pgAdmin(sql: string) {
  const { Client } = require('pg');
  const client = new Client(pgAdminConfig());
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  /** Environment for a Strapi that should use this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `chronicle_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  if (isPostgres()) {
    await pgAdmin(`CREATE DATABASE "${name}"`);
    const cfg = pgAdminConfig();
    return {
      env: {
        DATABASE_CLIENT: 'postgres',
        DATABASE_HOST: cfg.host,
        DATABASE_PORT: String(cfg.port),
        DATABASE_USERNAME: cfg.user,
        DATABASE_PASSWORD: cfg.password,
        DATABASE_NAME: name,
      },
      drop: () => pgAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  const file = path.join(root, '.tmp', `${name}.db`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file },
    drop: async () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
    },
  };
}

export interface TestStrapi {
  strapi: Core.Strapi;
  /** The base URL when started with `listen`. */
  url?: string;
  database: TestDatabase;
  /** Stop Strapi; the database stays for a restart unless `keepDatabase` is false. */
  stop(options?: { keepDatabase?: boolean }): Promise<void>;
}

export interface StartOptions {
  /** Serve the built admin panel and listen on a free port (browser tests). */
  listen?: boolean;
  /**
   * Add the plugin's tooling (services `demo` and `generator`, plugins/chronicle/server/src/tooling)
   * as `npm run demo` and the CLI do; default true. False boots what the production server loads.
   */
  tooling?: boolean;
}

/** The built tooling module: the same compiled modules Strapi loads, never a second copy from src. */
export const TOOLING_MODULE = path.join(root, 'plugins', 'chronicle', 'dist', 'server', 'tooling');

/** Boot a Strapi on `database` (a new one when omitted). */
export async function startStrapi(database?: TestDatabase, { listen = false, tooling = true }: StartOptions = {}): Promise<TestStrapi> {
  const db = database ?? (await createTestDatabase());
  Object.assign(process.env, TEST_SECRETS, db.env, {
    NODE_ENV: 'test',
    SERVE_ADMIN_PANEL: listen ? 'true' : 'false',
    PORT: '0',
    STRAPI_TELEMETRY_DISABLED: 'true',
    BROWSER: 'false',
  });
  const { createStrapi } = require('@strapi/strapi');
  const app: Core.Strapi = createStrapi({ appDir: root, distDir: path.join(root, 'dist') });
  const instance: Core.Strapi = tooling ? await require(TOOLING_MODULE).loadWithTooling(app) : await app.load();
  if (listen) await instance.listen();
  else instance.server.mount();
  const address = listen ? (instance.server.httpServer.address() as { port: number }) : undefined;
  return {
    strapi: instance,
    url: address ? `http://127.0.0.1:${address.port}` : undefined,
    database: db,
    async stop({ keepDatabase = false } = {}) {
      await instance.destroy();
      if (!keepDatabase) await db.drop();
    },
  };
}
