/**
 * Browser-test support: the built server on a free port with a fresh data
 * directory, and Debian's chromium through playwright-core (never a download).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The data directory global-setup.ts seeded once for the run; each file starts on a copy. */
    seededDataDir: string;
  }
}

export const root = fileURLToPath(new URL('..', import.meta.url));
export const demoPassword = 'E2e-Demo-Pass-2026';
export const resultsDir = path.join(root, 'test-results');

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  output(): string;
  /** Stops the server (SIGTERM: a clean close) and removes its data directory unless kept. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/**
 * The built server on a free port. With `from`, it starts on a copy of that data directory
 * (a server stopped cleanly); without, on an empty one, which it seeds with the demo.
 */
export async function startServer(from?: string): Promise<RunningServer> {
  const main = path.join(root, 'server/dist/main.js');
  if (!existsSync(main)) throw new Error('server/dist/main.js 不存在：请先运行 npx tsc -b server');
  if (!existsSync(path.join(root, 'web/dist/index.html'))) {
    throw new Error('web/dist/index.html 不存在：请先运行 npm run build -w web');
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'zhifa-e2e-'));
  if (from) await cp(from, dataDir, { recursive: true });
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [main], {
    cwd: root,
    env: {
      ...process.env,
      // As `npm start` runs it (vitest's NODE_ENV=test would give the portal React's slower development build).
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      ZHIFA_DATA_DIR: dataDir,
      ZHIFA_DEMO_PASSWORD: demoPassword,
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async ({ keepData = false } = {}) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (!keepData) await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`服务器启动失败（退出码 ${child.exitCode}）：\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return { baseUrl, dataDir, output: () => output, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`服务器在 600 秒内未就绪：\n${output}`);
}

export interface BrowserSuite {
  /** The server this file's tests share (started once per file). */
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A fresh context (zh-CN, Asia/Shanghai, desktop size); closed after the test. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** A signed-in page: opens `path`, signs in on the login page it redirects to, waits to be back. */
  signedIn(username: string, path?: string, options?: BrowserContextOptions): Promise<Page>;
}

/**
 * Registers this file's hooks: one server (on a copy of the run's seeded data directory) and one
 * browser for the file, a context per test closed after it, and a screenshot of where a failed
 * test stopped.
 */
export function useBrowserSuite(): BrowserSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(inject('seededDataDir')), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  afterEach(async ({ task }) => {
    // The page last opened is the one the test was using (a walk signs in as several roles).
    const page = contexts.at(-1)?.pages().at(-1);
    if (page && task.result?.state === 'fail') {
      await screenshot(page, `failed-${task.name.slice(0, 40).replace(/[^\w]+/g, '-')}.png`).catch(
        () => undefined,
      );
    }
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  const suite: BrowserSuite = {
    get server() {
      if (!server) throw new Error('the server is not started yet (use it inside a test)');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not launched yet (use it inside a test)');
      return browser;
    },
    newContext: async (options = {}) => {
      const context = await suite.browser.newContext({
        baseURL: suite.server.baseUrl,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1440, height: 900 },
        // As a user who asked their system for less motion: the console skips its animations.
        reducedMotion: 'reduce',
        ...options,
      });
      // A budget against a hang, not a speed check: a busy machine can take this long.
      context.setDefaultTimeout(120_000);
      contexts.push(context);
      return context;
    },
    newPage: async (options) => (await suite.newContext(options)).newPage(),
    signedIn: async (username, path = '/console/', options) => {
      const page = await suite.newPage(options);
      await page.goto(path);
      await page.waitForURL('**/console/login');
      await signIn(page, username);
      await page.waitForURL((url) => url.pathname.replace(/\/$/, '') === path.replace(/\/$/, ''));
      return page;
    },
  };
  return suite;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs, headless: true });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  const file = path.join(resultsDir, name);
  // Animations stopped for the capture: on a loaded machine a frame that keeps changing only delays it.
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

/** Signs in through the console's login form (the page must show it). */
export async function signIn(page: Page, username: string, password = demoPassword): Promise<void> {
  await page.locator('#login_username').fill(username);
  await page.locator('#login_password').fill(password);
  await page.locator('form#login button[type=submit]').click();
}

// antd helpers: what a user does with a select, and a page at rest for a screenshot.

/**
 * Opens the antd Select of a form item (found by its label), picks `label` and waits until the
 * Select shows it. On a busy machine the click on an option can land while the dropdown is still
 * opening and be lost; it is tried again, as a user would.
 */
export async function selectIn(page: Page, form: Locator, itemLabel: string, label: string): Promise<void> {
  const item = form.locator('.ant-form-item').filter({ has: page.getByText(itemLabel, { exact: true }) });
  for (let attempt = 1; ; attempt++) {
    await item.locator('.ant-select').click();
    await pickOption(page, label);
    const shown = item.locator(`.ant-select-content[title="${label}"]`);
    try {
      await shown.waitFor({ timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await closeDropdown(page);
    }
  }
}

/**
 * Picks an option of the open antd Select dropdown by its exact label. The label is typed into
 * the Select's search box to narrow a long list; on a busy page typed keys can be lost, so the
 * box is set in one step where it is one, and the whole pick is tried again if no option shows.
 */
export async function pickOption(
  page: Page,
  label: string,
  option = new RegExp(`^${label}$`),
): Promise<void> {
  const choice = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option });
  for (let attempt = 1; ; attempt++) {
    // Typing before the dropdown is open (a busy machine) would lose the keys.
    await page.locator('.ant-select-dropdown:visible').first().waitFor();
    const search = page.locator('input:focus');
    if ((await search.count()) > 0 && (await search.isEditable())) await search.fill(label);
    else await page.keyboard.type(label);
    try {
      await choice.click({ timeout: 20_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/**
 * Closes a multiple Select's dropdown by taking focus away from its input (a
 * Select closes on blur). Escape could close the modal, and a click on the title
 * can land on the open dropdown when it opens upwards.
 */
export async function closeDropdown(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

/** Before a screenshot: no dialog fading out, no row under the mouse. */
export async function settle(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);
  await page.mouse.move(0, 0);
}

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s) from a base32 secret, as an authenticator app computes it. */
export function totp(secretBase32: string, now = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of secretBase32.replace(/[\s=]/g, '').toUpperCase()) {
    const value = alphabet.indexOf(char);
    if (value < 0) throw new Error(`not base32: ${char}`);
    bits += value.toString(2).padStart(5, '0');
  }
  const key = Buffer.from(bits.match(/.{8}/g)?.map((byte) => Number.parseInt(byte, 2)) ?? []);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(now / 30_000)));
  const hmac = createHmac('sha1', key).update(counter).digest();
  const offset = hmac[hmac.length - 1]! & 0x0f;
  const code = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(code).padStart(6, '0');
}
