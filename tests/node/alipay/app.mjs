// Starts the console from BILLING_WEB_DLL on a free loopback port with its own temp data folder, and a stub
// "Alipay" gateway on another port. Settings go through environment variables, as an operator would set them.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';

const here = dirname(fileURLToPath(import.meta.url));
export const dll = process.env.BILLING_WEB_DLL
  ?? resolve(here, '../../../src/BillingConsole.Web/bin/Debug/net10.0/BillingConsole.Web.dll');
export const adminToken = 'node-alipay-admin-token-0123456789';

export function freePort() {
  return new Promise((ok, fail) => {
    const s = net.createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

/** A tiny HTTP server; handler(req, body) returns { status, type, body }. */
export async function startStub(handler) {
  const port = await freePort();
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', c => chunks.push(c));
    req.on('end', async () => {
      try {
        const answer = await handler(req, Buffer.concat(chunks).toString('utf8'));
        res.writeHead(answer.status ?? 200, { 'content-type': answer.type ?? 'text/plain; charset=utf-8' });
        res.end(answer.body ?? '');
      } catch (e) {
        res.writeHead(500); res.end(String(e));
      }
    });
  });
  await new Promise(ok => server.listen(port, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise(ok => server.close(ok)) };
}

export async function startApp(env) {
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), 'billing-alipay-node-'));
  const base = `http://127.0.0.1:${port}`;
  const child = spawn('dotnet', [dll], {
    cwd: dirname(dll),
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Development',
      ASPNETCORE_URLS: base,
      ConnectionStrings__Billing: `Data Source=${join(data, 'billing.db')}`,
      ConnectionStrings__Hangfire: `Data Source=${join(data, 'hangfire.db')}`,
      Email__PickupDirectory: join(data, 'mail'),
      Hangfire__Server: 'false',
      Seed__Demo: 'false',
      Admin__ApiToken: adminToken,
      Payments__PublicBaseUrl: base,
      Payments__AlipaySimulator__DataFolder: join(data, 'alipay-sim'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', d => { log += d; });
  child.stderr.on('data', d => { log += d; });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}):\n${log.slice(-4000)}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`the app did not become healthy:\n${log.slice(-4000)}`);
    await new Promise(ok => setTimeout(ok, 250));
  }
  return {
    base, data, log: () => log,
    async stop() {
      child.kill('SIGTERM');
      await new Promise(ok => (child.exitCode !== null ? ok() : child.once('exit', ok)));
      rmSync(data, { recursive: true, force: true });
    },
  };
}

export async function json(res) {
  const text = await res.text();
  if (!res.ok) throw new Error(`${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** An account with an API key, through the admin API. */
export async function newOwner(base) {
  const admin = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
  const account = await json(await fetch(`${base}/api/v1/admin/accounts`, {
    method: 'POST', headers: admin,
    body: JSON.stringify({ name: 'Node Co', ownerEmail: `node-${Date.now()}-${Math.random()}@example.com`, ownerPassword: 'Owner#2026pw' }),
  }));
  const key = await json(await fetch(`${base}/api/v1/admin/accounts/${account.accountId}/api-keys`, {
    method: 'POST', headers: admin, body: JSON.stringify({ name: 'node' }),
  }));
  const headers = { authorization: `Bearer ${key.key}`, 'content-type': 'application/json' };
  return {
    accountId: account.accountId,
    recharge: async (amount, method = 'alipay') => json(await fetch(`${base}/api/v1/recharges`, {
      method: 'POST', headers, body: JSON.stringify({ amount, method, acknowledgeOriginalRoute: true }),
    })),
    status: async id => (await json(await fetch(`${base}/api/v1/recharges/${id}`, { headers }))).status,
    balance: async () => (await json(await fetch(`${base}/api/v1/account`, { headers }))).cashBalance,
  };
}

export async function runJob(base, job) {
  return json(await fetch(`${base}/api/v1/admin/jobs/${job}/run`, {
    method: 'POST', headers: { authorization: `Bearer ${adminToken}` },
  }));
}
