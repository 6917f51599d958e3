'use strict';
// Starts BillingConsole from BILLING_WEB_DLL on a free loopback port with its own temp data folder (SQLite), waits
// for /healthz, and stops it. Settings go in through environment variables, as .ci/run and an operator would.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const ADMIN_TOKEN = 'bssopenapi-suite-admin-token-0123456789';

function dllPath() {
  return process.env.BILLING_WEB_DLL ||
    path.resolve(__dirname, '../../../src/BillingConsole.Web/bin/Debug/net10.0/BillingConsole.Web.dll');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startApp(extraEnv = {}) {
  const dll = dllPath();
  if (!fs.existsSync(dll)) throw new Error(`BillingConsole.Web.dll not found at ${dll}: build it or set BILLING_WEB_DLL`);
  const port = await freePort();
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'bssopenapi-suite-'));
  const env = {
    ...process.env,
    ASPNETCORE_ENVIRONMENT: 'Production',
    ASPNETCORE_URLS: `http://127.0.0.1:${port}`,
    ConnectionStrings__Billing: `Data Source=${path.join(data, 'billing.db')}`,
    ConnectionStrings__Hangfire: `Data Source=${path.join(data, 'hangfire.db')}`,
    Database__Provider: 'Sqlite',
    Admin__ApiToken: ADMIN_TOKEN,
    Hangfire__Server: 'false',
    Seed__Demo: 'false',
    Email__PickupDirectory: path.join(data, 'mail'),
    Logging__LogLevel__Default: 'Warning',
    AlibabaOpenApi__PermitsPerSecond: '200',
    AlibabaOpenApi__Burst: '400',
    ...extraEnv,
  };
  const child = spawn('dotnet', [dll], { cwd: path.dirname(dll), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}):\n${output}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.status === 200) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the app did not become healthy:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    endpoint: `127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(data, { recursive: true, force: true });
    },
  };
}

/** JSON over HTTP with a bearer token; throws with the body on an unexpected status. */
async function api(app, method, route, token, body, expected = [200, 201, 204]) {
  const r = await fetch(app.base + route, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  if (!expected.includes(r.status)) throw new Error(`${method} ${route} → ${r.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

module.exports = { ADMIN_TOKEN, startApp, api };
