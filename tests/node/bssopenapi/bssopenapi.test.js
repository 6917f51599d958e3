'use strict';
// The official Alibaba Cloud BssOpenApi client (@alicloud/bssopenapi20171214 4.1.1 on @alicloud/openapi-core 1.0.8)
// pointed at BillingConsole: every served operation, field types, money strings, and the error codes (issue #18).
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const Bss = require('@alicloud/bssopenapi20171214');
const { $OpenApiUtil } = require('@alicloud/openapi-core');
const { ADMIN_TOKEN, startApp, api } = require('./app');
const { yesterday, newAccount, billedAccount } = require('./world');
const { check } = require('./models');

let app;
let billed;
let other;

/** A client with the last raw answer kept (before the SDK's cast), to check wire types. */
function client(key, secret) {
  const c = new Bss.default(new $OpenApiUtil.Config({
    accessKeyId: key, accessKeySecret: secret, endpoint: app.endpoint, protocol: 'http',
  }));
  const callApi = c.callApi.bind(c);
  c.callApi = async (...args) => {
    c.lastRaw = await callApi(...args);
    return c.lastRaw;
  };
  return c;
}

const sdk = (account) => client(account.accessKeyId, account.accessKeySecret);
const money = /^-?\d+\.\d{2,4}$/;

before(async () => {
  app = await startApp();
  billed = await billedAccount(app, 'Node Suite Co');
  other = await newAccount(app, 'Other Co');
});

after(async () => {
  if (app) await app.stop();
});

test('QueryAccountBalance: the cash balance as a decimal string in CNY, equal to GET /api/v1/account', async () => {
  const c = sdk(billed);
  const r = await c.queryAccountBalance();
  check(Bss.QueryAccountBalanceResponseBody, c.lastRaw.body);
  const account = await api(app, 'GET', '/api/v1/account', billed.apiKey);
  assert.equal(r.statusCode, 200);
  assert.equal(r.body.success, true);
  assert.equal(r.body.data.currency, 'CNY');
  assert.match(r.body.data.availableAmount, money);
  assert.equal(r.body.data.availableCashAmount, account.cashBalance);
  assert.equal(r.body.data.creditAmount, '0.00');
});

test('QueryResourcePackageInstances: packs with 0 ≤ remaining ≤ total, effective < expiry, stable paging', async () => {
  const c = sdk(billed);
  const all = await c.queryResourcePackageInstances(new Bss.QueryResourcePackageInstancesRequest({ pageNum: 1, pageSize: 20 }));
  check(Bss.QueryResourcePackageInstancesResponseBody, c.lastRaw.body);
  const packs = await api(app, 'GET', '/api/v1/packs', billed.apiKey);
  const instances = all.body.data.instances.instance;
  assert.equal(all.body.total, packs.length);
  assert.equal(all.body.data.totalCount, String(packs.length));
  assert.ok(instances.length >= 1);
  for (const i of instances) {
    const pack = packs.find((p) => p.packId === i.instanceId);
    assert.ok(pack, `pack ${i.instanceId} is the account's`);
    assert.equal(i.totalAmount, String(pack.total));
    assert.equal(i.remainingAmount, String(pack.remaining));
    assert.ok(Number(i.remainingAmount) >= 0 && Number(i.remainingAmount) <= Number(i.totalAmount));
    assert.ok(Date.parse(i.effectiveTime) < Date.parse(i.expiryTime));
    assert.equal(i.status, 'Available');
    assert.equal(i.commodityCode, 'cloudauth');
    assert.deepEqual(i.applicableProducts.product, ['cloudauth']);
  }
  const none = await c.queryResourcePackageInstances(new Bss.QueryResourcePackageInstancesRequest({
    expiryTimeStart: '2020-01-01T00:00:00Z', expiryTimeEnd: '2020-12-31T00:00:00Z' }));
  assert.equal(none.body.total, 0);
  assert.deepEqual(none.body.data.instances.instance, []);
});

test('QueryBillOverview: PayAsYouGo equals the bills\' payable; gross − round-down = pretax; numbers are numbers', async () => {
  const { cycle } = yesterday();
  const c = sdk(billed);
  const r = await c.queryBillOverview(new Bss.QueryBillOverviewRequest({ billingCycle: cycle }));
  check(Bss.QueryBillOverviewResponseBody, c.lastRaw.body);
  const from = `${cycle}-01`;
  const bills = await api(app, 'GET', `/api/v1/bills?from=${from}&to=${yesterday().day}`, billed.apiKey);
  const items = r.body.data.items.item;
  assert.equal(r.body.data.billingCycle, cycle);
  assert.equal(r.body.data.accountID, billed.accountId);
  const payg = items.filter((i) => i.item === 'PayAsYouGoBill');
  const payable = bills.reduce((s, b) => s + Math.round(Number(b.payableAmount) * 100), 0);
  assert.equal(payg.reduce((s, i) => s + Math.round(i.pretaxAmount * 100), 0), payable);
  for (const i of items) {
    assert.equal(i.currency, 'CNY');
    assert.match(i.roundDownDiscount, money);
    assert.equal(Math.round((i.pretaxGrossAmount - Number(i.roundDownDiscount)) * 10000), Math.round(i.pretaxAmount * 10000));
    assert.equal(Math.round((i.paymentAmount + i.outstandingAmount) * 100), Math.round(i.pretaxAmount * 100));
  }
  assert.ok(items.some((i) => i.item === 'SubscriptionOrder' && i.pretaxAmount === 160));
});

test('QueryBill: one row per daily bill and pack order, record ids, paging', async () => {
  const { cycle } = yesterday();
  const c = sdk(billed);
  const r = await c.queryBill(new Bss.QueryBillRequest({ billingCycle: cycle, pageNum: 1, pageSize: 100 }));
  check(Bss.QueryBillResponseBody, c.lastRaw.body);
  const bills = await api(app, 'GET', `/api/v1/bills?from=${cycle}-01&to=${yesterday().day}`, billed.apiKey);
  const rows = r.body.data.items.item;
  assert.equal(r.body.data.totalCount, rows.length);
  for (const bill of bills) {
    const row = rows.find((i) => i.recordID === bill.billId);
    assert.ok(row, `bill ${bill.billId} is listed`);
    assert.equal(row.pretaxAmount, Number(bill.payableAmount));
    assert.ok(['PayFinish', 'PayUnclear'].includes(row.status));
  }
  const second = await c.queryBill(new Bss.QueryBillRequest({ billingCycle: cycle, pageNum: 2, pageSize: 1 }));
  assert.equal(second.body.data.items.item.length, 1);
  assert.equal(second.body.data.items.item[0].recordID, rows[1].recordID);
});

test('DescribeInstanceBill: yesterday\'s lines per service, as GET /api/v1/bills shows them', async () => {
  const { cycle, day } = yesterday();
  const c = sdk(billed);
  const r = await c.describeInstanceBill(new Bss.DescribeInstanceBillRequest({ billingCycle: cycle, granularity: 'DAILY', billingDate: day }));
  check(Bss.DescribeInstanceBillResponseBody, c.lastRaw.body);
  const [bill] = await api(app, 'GET', `/api/v1/bills?from=${day}&to=${day}`, billed.apiKey);
  const items = r.body.data.items;
  assert.equal(items.length, bill.lines.length);
  for (const line of bill.lines) {
    const item = items.find((i) => i.instanceID === line.service);
    assert.equal(item.billingDate, day);
    assert.equal(item.usage, String(line.quantity));
    assert.equal(item.listPrice, line.unitPrice);
    assert.equal(item.pretaxGrossAmount, Number(line.grossAmount));
    assert.equal(item.pretaxAmount, Number(line.payableAmount));
    assert.equal(item.currency, 'CNY');
  }
  const page = await c.describeInstanceBill(new Bss.DescribeInstanceBillRequest({ billingCycle: cycle, maxResults: 1 }));
  assert.equal(page.body.data.items.length, 1);
  if (page.body.data.totalCount > 1) {
    const next = await c.describeInstanceBill(new Bss.DescribeInstanceBillRequest({
      billingCycle: cycle, maxResults: 1, nextToken: page.body.data.nextToken }));
    assert.notEqual(next.body.data.items[0].instanceID, page.body.data.items[0].instanceID);
  }
});

test('QueryAccountTransactions: the ledger entries; the last balance is the balance', async () => {
  const c = sdk(billed);
  const start = new Date(Date.now() - 3 * 24 * 3600_000).toISOString().slice(0, 19) + 'Z';
  const r = await c.queryAccountTransactions(new Bss.QueryAccountTransactionsRequest({ createTimeStart: start, pageSize: 300 }));
  check(Bss.QueryAccountTransactionsResponseBody, c.lastRaw.body);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const from = new Date(Date.now() + 8 * 3600_000 - 3 * 24 * 3600_000).toISOString().slice(0, 10);
  const ledger = await api(app, 'GET', `/api/v1/ledger?from=${from}&to=${today}`, billed.apiKey);
  const rows = r.body.data.accountTransactionsList.accountTransactionsList;
  assert.equal(r.body.data.totalCount, ledger.length);
  assert.deepEqual(rows.map((t) => t.transactionNumber), ledger.map((e) => e.entryId));
  rows.forEach((t, i) => {
    assert.match(t.amount, money);
    assert.equal(Number(t.amount), Math.abs(Number(ledger[i].amount)));
    assert.equal(t.balance, ledger[i].balanceAfter);
  });
  assert.equal(rows[0].transactionType, 'Payment');
  assert.equal(rows[0].transactionChannel, 'OfflineRemittance');
  const balance = await c.queryAccountBalance();
  assert.equal(rows.at(-1).balance, balance.body.data.availableCashAmount);
});

test('DescribeResourcePackageProduct: the Cloudauth pack catalog', async () => {
  const c = sdk(billed);
  const r = await c.describeResourcePackageProduct(new Bss.DescribeResourcePackageProductRequest({ productCode: 'cloudauth' }));
  check(Bss.DescribeResourcePackageProductResponseBody, c.lastRaw.body);
  const [pkg] = r.body.data.resourcePackages.resourcePackage;
  assert.equal(pkg.productCode, 'cloudauth');
  const fv = pkg.packageTypes.packageType.find((t) => t.code === 'FV_CALLS');
  const spec = fv.specifications.specification.find((s) => s.value === 'FV_CALLS_1K');
  assert.equal(spec.name, '1,000次');
  assert.deepEqual(spec.availableDurations.availableDuration.map((d) => [d.value, d.unit]), [[12, 'Month']]);
});

test('Isolation: another account\'s key sees only its own, and its OwnerId for the first account is Forbidden', async () => {
  const c = sdk(other);
  const balance = await c.queryAccountBalance();
  assert.equal(balance.body.data.availableCashAmount, '0.00');
  const packs = await c.queryResourcePackageInstances(new Bss.QueryResourcePackageInstancesRequest({}));
  assert.equal(packs.body.total, 0);
  await assert.rejects(c.queryResourcePackageInstances(new Bss.QueryResourcePackageInstancesRequest({ ownerId: billed.accountId })),
    (e) => e.code === 'Forbidden' && e.statusCode === 403);
});

test('A wrong secret is SignatureDoesNotMatch; an unknown id is InvalidAccessKeyId.NotFound', async () => {
  await assert.rejects(client(billed.accessKeyId, billed.accessKeySecret + 'x').queryAccountBalance(),
    (e) => e.code === 'SignatureDoesNotMatch' && e.statusCode === 400 && !!e.requestId);
  await assert.rejects(client('BCAK00000000000000000000', 'nope').queryAccountBalance(),
    (e) => e.code === 'InvalidAccessKeyId.NotFound' && e.statusCode === 404);
});

test('A missing required parameter is MissingParameter', async () => {
  await assert.rejects(sdk(billed).queryBillOverview(new Bss.QueryBillOverviewRequest({})),
    (e) => e.code === 'MissingParameter' && /BillingCycle/.test(e.message));
});

test('A disabled key is InvalidAccessKeyId.Inactive', async () => {
  const key = await api(app, 'POST', `/api/v1/admin/accounts/${other.accountId}/access-keys`, ADMIN_TOKEN, { name: 'to disable' });
  const c = client(key.accessKeyId, key.accessKeySecret);
  assert.equal((await c.queryAccountBalance()).statusCode, 200);
  await api(app, 'POST', `/api/v1/admin/accounts/${other.accountId}/access-keys/${key.accessKeyId}/disable`, ADMIN_TOKEN);
  await assert.rejects(c.queryAccountBalance(), (e) => e.code === 'InvalidAccessKeyId.Inactive' && e.statusCode === 400);
});

test('Without x-acs-action, / is still the console', async () => {
  const r = await fetch(`${app.base}/`, { redirect: 'manual' });
  assert.ok(!(r.headers.get('content-type') || '').includes('json'));
});

test('The legacy v1 signature (signatureAlgorithm v2, HMAC-SHA1 in the query) is accepted too', async () => {
  const legacy = (secret) => new Bss.default(new $OpenApiUtil.Config({
    accessKeyId: billed.accessKeyId, accessKeySecret: secret, endpoint: app.endpoint, protocol: 'http', signatureAlgorithm: 'v2',
  }));
  const balance = await legacy(billed.accessKeySecret).queryAccountBalance();
  assert.equal(balance.body.data.currency, 'CNY');
  const overview = await legacy(billed.accessKeySecret).queryBillOverview(
    new Bss.QueryBillOverviewRequest({ billingCycle: yesterday().cycle, productCode: 'cloudauth' }));
  assert.ok(overview.body.data.items.item.length >= 1);
  await assert.rejects(legacy(billed.accessKeySecret + 'x').queryAccountBalance(), (e) => e.code === 'SignatureDoesNotMatch');
});
