/**
 * Headless Debian chromium driven by playwright-core (no browser download). Screenshots go
 * to artifacts/screenshots/ (kept by CI as its artifacts folder).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { root } from './strapi';

export const SCREENSHOTS = path.join(root, 'artifacts', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * The live timeline's stream (/api/chronicle/timeline/live, opened by /site.js on /timeline)
 * never finishes: leaving the page cuts it short, which Chromium reports as a failed request
 * (net::ERR_ABORTED). That one is expected; any other failure is a problem.
 */
export const leftLiveStream = (request: { url(): string; failure(): { errorText: string } | null }) =>
  new URL(request.url()).pathname.endsWith('/api/chronicle/timeline/live') && request.failure()?.errorText === 'net::ERR_ABORTED';

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Log in through the admin panel's own form. */
export async function adminLogin(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/login'), { timeout: 30000 });
}

/** Waits until `read()` returns `expected` (compared with Object.is), or fails with the last value seen. */
export async function until<T>(read: () => Promise<T>, expected: T, timeoutMs = 30000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (Object.is(last, expected)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`waited ${timeoutMs} ms for ${JSON.stringify(expected)}; last value ${JSON.stringify(last)}`);
}

/**
 * Chooses the admin's language for a browser context before any page loads (as the language
 * menu of the profile would). Without it the newsroom's admin opens in zh-Hans.
 */
export async function adminLanguage(context: BrowserContext, language: 'en' | 'zh-Hans') {
  await context.addInitScript((value) => window.localStorage.setItem('strapi-admin-language', value), language);
}
