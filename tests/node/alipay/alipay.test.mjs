// The official alipay-sdk 4.14.0 as referee for the console's Alipay protocol (API.md "Payment gateway: Alipay").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, createSign, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlipaySdk } from 'alipay-sdk';
import { startApp, startStub, newOwner, runJob } from './app.mjs';

// The request signer is not exported by the package's exports map: import it by file path.
const { sign: sdkSign } = await import(new URL('./node_modules/alipay-sdk/dist/esm/util.js', import.meta.url));

const pair = () => generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const bare = pem => pem.split('\n').filter(l => l && !l.startsWith('-----')).join('');
const appKeys = pair();      // the application's key pair (ours)
const alipayKeys = pair();   // a test "Alipay" key pair
const strangerKeys = pair(); // someone else's
const APP_ID = '2021000000000001';

// The SDK as the merchant would configure it: our private key, Alipay's public key.
const merchantSdk = new AlipaySdk({ appId: APP_ID, privateKey: appKeys.privateKey, keyType: 'PKCS8', alipayPublicKey: alipayKeys.publicKey });
// The SDK with our *application* public key: how Alipay checks our requests.
const alipaySideSdk = new AlipaySdk({ appId: APP_ID, privateKey: alipayKeys.privateKey, keyType: 'PKCS8', alipayPublicKey: appKeys.publicKey });

/** Alipay's notification signature: RSA2 over every parameter but sign and sign_type, sorted, raw values. */
function alipaySignNotification(params, privateKey = alipayKeys.privateKey) {
  const content = Object.keys(params).filter(k => k !== 'sign' && k !== 'sign_type' && params[k] !== '' && params[k] != null)
    .sort().map(k => `${k}=${params[k]}`).join('&');
  return { ...params, sign: createSign('RSA-SHA256').update(content, 'utf8').sign(privateKey, 'base64') };
}

/** Alipay's answer: {"x_response":{…},"sign":"…"}, the sign over the raw JSON text of the response object. */
function alipayAnswer(responseKey, response, { tamper } = {}) {
  const text = JSON.stringify(response);
  const sign = createSign('RSA-SHA256').update(text, 'utf8').sign(alipayKeys.privateKey, 'base64');
  return `{"${responseKey}":${tamper ? tamper(text) : text},"sign":"${sign}"}`;
}

// The SDK stamps requests with the machine's local time; Alipay reads Beijing time, so give it explicitly.
const shanghaiNow = () => new Date(Date.now() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
const outTradeNo = id => id.replaceAll('-', '');
const queryTable = new Map(); // out_trade_no → { status, amount, tamper }
const gatewayRequests = [];
let app, gateway, simNotifications = [], notifySink;

before(async () => {
  gateway = await startStub(async (req, body) => {
    const params = Object.fromEntries(new URLSearchParams(body));
    for (const [k, v] of new URL(req.url, 'http://x').searchParams) params[k] ??= v;
    gatewayRequests.push({ params, verified: alipaySideSdk.checkNotifySign(params) });
    const biz = JSON.parse(params.biz_content ?? '{}');
    const key = params.method.replaceAll('.', '_') + '_response';
    const entry = queryTable.get(biz.out_trade_no);
    if (!entry) {
      return { type: 'application/json', body: alipayAnswer(key, { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_NOT_EXIST', sub_msg: '交易不存在' }) };
    }
    const response = { code: '10000', msg: 'Success', trade_no: '2026120822001' + Date.now(), out_trade_no: biz.out_trade_no,
      buyer_logon_id: 'buy***@example.com', trade_status: entry.status, total_amount: entry.amount };
    const raw = alipayAnswer(key, response, { tamper: entry.tamper });
    const sign = JSON.parse(raw).sign;
    if (entry.tamper) assert.throws(() => merchantSdk.checkResponseSign(raw, key, sign));
    else merchantSdk.checkResponseSign(raw, key, sign); // throws unless it verifies
    return { type: 'application/json', body: raw };
  });
  notifySink = await startStub(async (req, body) => {
    simNotifications.push(Object.fromEntries(new URLSearchParams(body)));
    return { body: 'success' };
  });
  app = await startApp({
    Payments__Alipay__Enabled: 'true',
    Payments__Alipay__AppId: APP_ID,
    Payments__Alipay__AppPrivateKey: appKeys.privateKey,      // PKCS#8 PEM
    Payments__Alipay__AlipayPublicKey: bare(alipayKeys.publicKey), // bare base64, as Alipay's key tool prints it
    Payments__Alipay__Gateway: `${gateway.url}/gateway.do`,
    Payments__Alipay__QueryAfter: '00:00:01',
    Payments__AlipaySimulator__Enabled: 'true',
  });
});

after(async () => {
  await app?.stop();
  await gateway?.close();
  await notifySink?.close();
});

test('(a) the sign in our payUrl is exactly what the SDK\'s sign() computes for the same parameters', async () => {
  const owner = await newOwner(app.base);
  for (const method of ['alipay', 'bank']) {
    const { payUrl } = await owner.recharge('100.00', method);
    const url = new URL(payUrl);
    assert.equal(`${url.origin}${url.pathname}`, `${gateway.url}/gateway.do`);
    const ours = Object.fromEntries(url.searchParams);
    assert.equal(ours.method, 'alipay.trade.page.pay');
    assert.match(JSON.parse(ours.biz_content).subject, /账户充值/);
    const { sign, method: m, app_id, charset, version, sign_type, biz_content, ...rest } = ours;
    const sdk = sdkSign(m, { ...rest, bizContent: JSON.parse(biz_content) }, merchantSdk.config);
    assert.equal(sdk.biz_content, biz_content);
    assert.deepEqual(Object.keys(sdk).sort(), Object.keys(ours).sort());
    assert.equal(sign, sdk.sign, 'RSA PKCS#1 v1.5 is deterministic: the strings must be identical');
  }
});

async function notify(fields) {
  const res = await fetch(`${app.base}/api/v1/payments/notify/alipay`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields),
  });
  return res.text();
}

function notification(rechargeId, amount, extra = {}) {
  return {
    notify_time: '2026-12-08 10:00:00', notify_type: 'trade_status_sync', notify_id: 'n' + Date.now(), app_id: APP_ID,
    charset: 'utf-8', version: '1.0', sign_type: 'RSA2', trade_no: '2026120822001' + Date.now(), out_trade_no: outTradeNo(rechargeId),
    trade_status: 'TRADE_SUCCESS', total_amount: amount, receipt_amount: amount, subject: 'BillingConsole 账户充值',
    buyer_id: '2088000000000001', gmt_payment: '2026-12-08 09:59:58', ...extra,
  };
}

test('(b) notifications signed as Alipay signs them credit once; tampered, wrong key, other app, other amount, unknown order are refused', async () => {
  const owner = await newOwner(app.base);
  const { rechargeId } = await owner.recharge('100.00');
  const good = alipaySignNotification(notification(rechargeId, '100.00'));
  assert.equal(merchantSdk.checkNotifySign(good), true);
  assert.equal(await notify(good), 'success');
  assert.equal(await notify(good), 'success'); // Alipay's retry
  assert.equal(await owner.balance(), '100.00');
  assert.equal(await owner.status(rechargeId), 'succeeded');

  const other = await newOwner(app.base);
  const { rechargeId: pending } = await other.recharge('50.00');
  const base = notification(pending, '50.00');
  const refused = {
    tampered: { ...alipaySignNotification(base), total_amount: '5000.00' },
    wrongKey: alipaySignNotification(base, strangerKeys.privateKey),
    otherApp: alipaySignNotification({ ...base, app_id: '2021999999999999' }),
    otherAmount: alipaySignNotification({ ...base, total_amount: '5.00', receipt_amount: '5.00' }),
    unknownOrder: alipaySignNotification({ ...base, out_trade_no: outTradeNo(crypto.randomUUID()) }),
  };
  assert.equal(merchantSdk.checkNotifySign(refused.tampered), false);
  assert.equal(merchantSdk.checkNotifySign(refused.wrongKey), false);
  for (const name of ['otherApp', 'otherAmount', 'unknownOrder']) assert.equal(merchantSdk.checkNotifySign(refused[name]), true, name);
  for (const [name, fields] of Object.entries(refused)) assert.notEqual(await notify(fields), 'success', name);
  assert.equal(await other.balance(), '0.00');
  assert.equal(await other.status(pending), 'pending');
});

test('(c) our simulator verifies SDK-signed requests, and its notifications and answers pass the SDK\'s checks', async () => {
  const simPem = readFileSync(join(app.data, 'alipay-sim', 'alipay-private-key.pem'), 'utf8');
  const simPublic = createPublicKey(simPem).export({ type: 'spki', format: 'pem' });
  const sdk = new AlipaySdk({ appId: APP_ID, privateKey: appKeys.privateKey, keyType: 'PKCS8', alipayPublicKey: simPublic });
  const no = 'SIM' + Date.now();
  const pagePay = sdkSign('alipay.trade.page.pay', {
    notify_url: `${notifySink.url}/notify`, return_url: `${app.base}/`, format: 'JSON', timestamp: shanghaiNow(),
    bizContent: { out_trade_no: no, total_amount: '12.34', subject: '模拟器 账户充值', product_code: 'FAST_INSTANT_TRADE_PAY' },
  }, sdk.config);
  const open = await fetch(`${app.base}/alipay-sim/gateway.do?${new URLSearchParams(pagePay)}`, { redirect: 'manual' });
  assert.equal(open.status, 302, await open.text());
  const badSign = await fetch(`${app.base}/alipay-sim/gateway.do?${new URLSearchParams({ ...pagePay, total_amount: '1' , sign: pagePay.sign.replace(/^./, c => (c === 'A' ? 'B' : 'A')) })}`, { redirect: 'manual' });
  assert.equal(badSign.status, 400);

  const pay = await fetch(`${app.base}/alipay-sim/cashier/${no}/pay`, { method: 'POST' });
  assert.equal(pay.status, 200, await pay.text());
  const received = simNotifications.find(n => n.out_trade_no === no);
  assert.ok(received, 'the simulator notified notify_url');
  assert.equal(received.trade_status, 'TRADE_SUCCESS');
  assert.equal(sdk.checkNotifySign(received), true);
  assert.equal(sdk.checkNotifySign({ ...received, total_amount: '99.99' }), false);

  const query = sdkSign('alipay.trade.query', { format: 'JSON', timestamp: shanghaiNow(), bizContent: { out_trade_no: no } }, sdk.config);
  const raw = await (await fetch(`${app.base}/alipay-sim/gateway.do`, { method: 'POST', body: new URLSearchParams(query) })).text();
  const parsed = JSON.parse(raw);
  assert.equal(parsed.alipay_trade_query_response.trade_status, 'TRADE_SUCCESS');
  sdk.checkResponseSign(raw, 'alipay_trade_query_response', parsed.sign);
});

test('(d) query answers signed as Alipay signs them are accepted by reconciliation, tampered ones refused; our requests verify', async () => {
  const owner = await newOwner(app.base);
  const { rechargeId: paid } = await owner.recharge('88.80');
  const { rechargeId: tampered } = await owner.recharge('11.10');
  queryTable.set(outTradeNo(paid), { status: 'TRADE_SUCCESS', amount: '88.80' });
  queryTable.set(outTradeNo(tampered), { status: 'TRADE_SUCCESS', amount: '11.10', tamper: t => t.replace('"11.10"', '"1110.00"') });
  await new Promise(ok => setTimeout(ok, 1200)); // QueryAfter is one second here

  const { summary } = await runJob(app.base, 'payment-reconciliation');
  assert.match(summary, /credited/);
  assert.equal(await owner.status(paid), 'succeeded');
  assert.equal(await owner.status(tampered), 'pending');
  assert.equal(await owner.balance(), '88.80');
  await runJob(app.base, 'payment-reconciliation');
  assert.equal(await owner.balance(), '88.80');

  const ours = gatewayRequests.filter(r => r.params.method === 'alipay.trade.query');
  assert.ok(ours.length >= 2);
  for (const r of ours) assert.equal(r.verified, true, 'our request verifies against the app public key');
});
