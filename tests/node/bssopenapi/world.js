'use strict';
// Builds an account's data through the admin and account APIs, as a customer's history would come about:
// an offline recharge confirmed by staff, a Liveness pack, yesterday's usage, and the daily billing run.
const { ADMIN_TOKEN, api } = require('./app');

const SHANGHAI_MS = 8 * 3600_000;

/** Yesterday in Asia/Shanghai (UTC+8, no daylight saving) as yyyy-MM-dd, and its noon in UTC. */
function yesterday() {
  const local = new Date(Date.now() + SHANGHAI_MS - 24 * 3600_000);
  const day = local.toISOString().slice(0, 10);
  return { day, cycle: day.slice(0, 7), noonUtc: new Date(Date.parse(`${day}T12:00:00Z`) - SHANGHAI_MS) };
}

async function newAccount(app, name) {
  const created = await api(app, 'POST', '/api/v1/admin/accounts', ADMIN_TOKEN,
    { name, ownerEmail: `owner-${Date.now()}-${Math.random().toString(16).slice(2)}@example.com`, ownerPassword: 'Owner#2026pw' });
  const key = await api(app, 'POST', `/api/v1/admin/accounts/${created.accountId}/api-keys`, ADMIN_TOKEN, { name: 'suite' });
  const ak = await api(app, 'POST', `/api/v1/admin/accounts/${created.accountId}/access-keys`, ADMIN_TOKEN, { name: 'bssopenapi suite' });
  return { accountId: created.accountId, apiKey: key.key, accessKeyId: ak.accessKeyId, accessKeySecret: ak.accessKeySecret };
}

async function billedAccount(app, name) {
  const account = await newAccount(app, name);
  const recharge = await api(app, 'POST', '/api/v1/recharges', account.apiKey, { amount: '1000.00', method: 'offline' });
  await api(app, 'POST', `/api/v1/admin/recharges/${recharge.rechargeId}/confirm`, ADMIN_TOKEN, { amountReceived: '1000.00' });
  await api(app, 'POST', '/api/v1/packs', account.apiKey, { specId: 'FV_CALLS_1K' });
  const { noonUtc } = yesterday();
  const events = [];
  for (let i = 0; i < 23; i++) {
    events.push({ eventId: `rp-${i}`, service: 'RP', outcome: i % 5 === 0 ? 'failed' : 'passed',
      occurredAt: new Date(noonUtc.getTime() + i * 1000).toISOString() });
  }
  for (let i = 0; i < 7; i++) {
    events.push({ eventId: `fc-${i}`, service: 'FACE_COMPARE', outcome: 'score_returned',
      occurredAt: new Date(noonUtc.getTime() + i * 1000).toISOString() });
  }
  await api(app, 'POST', '/api/v1/usage/events', account.apiKey, { events }, [200, 201, 202]);
  await api(app, 'POST', '/api/v1/admin/jobs/daily-billing/run', ADMIN_TOKEN);
  return account;
}

module.exports = { yesterday, newAccount, billedAccount };
