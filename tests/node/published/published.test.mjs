// Issue #22: the published console works in Production, as docs/deploy.md says to run it:
//   dotnet publish -c Release -o out   and   dotnet out/BillingConsole.Web.dll
// on a fresh SQLite database, with an owner created through the admin API. Checks that the sign-in page and every
// script and style it links answer 200 with the right content type, and that headless Chromium (playwright-core,
// Debian's /usr/bin/chromium) signs in and reaches an interactive page with MudBlazor's styles applied.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'billing-published-'));
const adminToken = 'published-smoke-admin-token-0123456789';
const owner = { email: 'owner@published.example', password: 'Published#2026' };
const staffAdmin = { email: 'admin@published.example', password: 'PublishedAdmin#2026' };
let app;
let output = '';
let baseUrl;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitHealthy(deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`The published app exited (${app.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The published app did not become healthy:\n${output}`);
}

before(async () => {
  // Publishing compiles the app in Release: minutes on a loaded CI machine. BILLING_PUBLISHED_DIR (local runs only)
  // reuses an earlier publish output instead; CI leaves it unset and always publishes.
  const reuse = process.env.BILLING_PUBLISHED_DIR;
  if (reuse) {
    fs.cpSync(reuse, path.join(work, 'out'), { recursive: true });
  } else {
    const publish = spawnSync('dotnet', ['publish', 'src/BillingConsole.Web', '-c', 'Release', '-o', path.join(work, 'out'),
      '-p:TreatWarningsAsErrors=true', '--nologo'], { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(publish.status, 0, `dotnet publish failed:\n${publish.stdout}\n${publish.stderr}`);
  }

  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const data = path.join(work, 'data');
  fs.mkdirSync(data);
  // Started from the folder above out/, as docs/deploy.md shows; settings come from the environment only.
  app = spawn('dotnet', [path.join('out', 'BillingConsole.Web.dll')], {
    cwd: work,
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Production',
      ASPNETCORE_URLS: baseUrl,
      ConnectionStrings__Billing: `Data Source=${path.join(data, 'billing.db')}`,
      ConnectionStrings__Hangfire: `Data Source=${path.join(data, 'hangfire.db')}`,
      Admin__ApiToken: adminToken,
      Email__PickupDirectory: path.join(data, 'mail'),
      Admin__Bootstrap__Email: staffAdmin.email,
      Admin__Bootstrap__Password: staffAdmin.password,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  app.stdout.on('data', (d) => { output += d; });
  app.stderr.on('data', (d) => { output += d; });
  await waitHealthy(120_000);

  const created = await fetch(`${baseUrl}/api/v1/admin/accounts`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Published Co.', ownerEmail: owner.email, ownerPassword: owner.password }),
  });
  assert.equal(created.status, 201, await created.text());
});

after(async () => {
  if (app && app.exitCode === null) {
    const exited = new Promise((r) => app.once('exit', r));
    app.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(work, { recursive: true, force: true });
});

test('the start-up log does not report missing static web assets', () => {
  assert.doesNotMatch(output, /cannot serve its static web assets/);
});

test('the sign-in page and every script and style it links load with the right content types', async () => {
  const page = await fetch(`${baseUrl}/Account/Login`);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type'), /^text\/html/);
  const html = await page.text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
  const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(scripts.some((s) => s.includes('_framework/blazor.web')), `no Blazor script in ${scripts}`);
  assert.ok(styles.some((s) => s.includes('_content/MudBlazor/')), `no MudBlazor style in ${styles}`);
  // Relative URLs resolve against the page's <base href="/">, as the browser resolves them.
  const base = new URL(html.match(/<base href="([^"]*)"/)?.[1] ?? '/Account/Login', `${baseUrl}/Account/Login`);
  for (const [list, type] of [[scripts, /^text\/javascript/], [styles, /^text\/css/]]) {
    for (const href of list) {
      const response = await fetch(new URL(href, base));
      assert.equal(response.status, 200, href);
      assert.match(response.headers.get('content-type') ?? '', type, href);
      assert.ok((await response.arrayBuffer()).byteLength > 0, `${href} is empty`);
    }
  }
});

async function signIn(page, who) {
  await page.goto('/Account/Login');
  await page.fill('#Input\\.Email', who.email);
  await page.fill('#Input\\.Password', who.password);
  await page.click('button[type=submit]');
  await page.waitForURL((url) => !url.pathname.startsWith('/Account/Login'));
  // The layout marks itself interactive after its first render on the live circuit (WebSocket).
  await page.locator('[data-testid=circuit][data-interactive=true]').waitFor({ state: 'attached' });
}

test('a headless browser signs in and reaches an interactive, styled page', async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    const failed = [];
    page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    await signIn(page, owner);
    const mudRules = await page.evaluate(() => [...document.styleSheets]
      .filter((s) => (s.href ?? '').includes('MudBlazor'))
      .reduce((n, s) => n + s.cssRules.length, 0));
    assert.ok(mudRules > 100, `MudBlazor's stylesheet has ${mudRules} rules`);
    assert.deepEqual(failed, []);
  } finally {
    await browser.close();
  }
});

test('the administrator from Admin:Bootstrap signs in to the staff console', async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await signIn(page, staffAdmin);
    await page.goto('/staff');
    await page.locator('[data-testid=circuit][data-interactive=true]').waitFor({ state: 'attached' });
    await page.locator('[data-testid=account-search-button]').waitFor();
    assert.ok(!output.includes(staffAdmin.password), 'the bootstrap password is in the log');
  } finally {
    await browser.close();
  }
});
