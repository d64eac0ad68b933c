// A short workflow with Stripe's official Node library against the
// standalone stripetest server (cmd/stripetest), to show that what
// stripetest speaks is Stripe's wire format, not only what our Go client
// understands. Run by scripts/node-client.sh:
//
//   STRIPETEST_BIN=/path/to/stripetest node workflow.mjs
//
// It starts a webhook receiver, starts stripetest with -webhook pointing at
// it, and checks: a webhook endpoint made through the API, a customer, a
// card from a token (and a declining one refused), a payment intent
// confirmed, an invoice paid, auto-pagination, Stripe's error classes and
// codes, and webhooks to both (the -webhook flag's and the endpoint's, each
// with its own secret) verified by the library.
import Stripe from 'stripe';
import http from 'node:http';
import { spawn } from 'node:child_process';
import assert from 'node:assert/strict';

const secret = 'whsec_node_client'; // the -webhook flag's
let endpointSecret = ''; // the webhook endpoint's, from the API
const events = []; // from the -webhook flag
const endpointEvents = []; // from the webhook endpoint

const receiver = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    try {
      const viaEndpoint = req.url === '/endpoint';
      const ev = Stripe.webhooks.constructEvent(Buffer.concat(chunks), req.headers['stripe-signature'], viaEndpoint ? endpointSecret : secret);
      (viaEndpoint ? endpointEvents : events).push(ev);
      res.writeHead(200).end();
    } catch (err) {
      console.error('webhook rejected:', err.message);
      res.writeHead(400).end();
    }
  });
});
await new Promise((ok) => receiver.listen(0, '127.0.0.1', ok));
const hookURL = `http://127.0.0.1:${receiver.address().port}/webhooks`;

const server = spawn(process.env.STRIPETEST_BIN, ['-addr', '127.0.0.1:0', '-webhook', hookURL, '-webhook-secret', secret],
  { stdio: ['ignore', 'inherit', 'pipe'] });
const baseURL = await new Promise((ok, fail) => {
  let buf = '';
  server.stderr.on('data', (d) => {
    buf += d;
    process.stderr.write(d);
    const m = buf.match(/on (http:\/\/[\d.:]+)/);
    if (m) ok(m[1]);
  });
  server.on('exit', (code) => fail(new Error(`stripetest exited with ${code}`)));
});
const url = new URL(baseURL);
const stripe = new Stripe('sk_test_123', { host: url.hostname, port: url.port, protocol: 'http', maxNetworkRetries: 1 });

async function main() {
  const endpoint = await stripe.webhookEndpoints.create({
    url: `http://127.0.0.1:${receiver.address().port}/endpoint`, enabled_events: ['customer.created', 'invoice.paid'],
  });
  assert.equal(endpoint.object, 'webhook_endpoint');
  assert.match(endpoint.secret, /^whsec_/);
  endpointSecret = endpoint.secret;

  const cus = await stripe.customers.create({ email: 'jenny@example.com', name: 'Jenny Rosen', metadata: { order: '42' } });
  assert.match(cus.id, /^cus_/);
  assert.equal(cus.object, 'customer');
  assert.equal(cus.metadata.order, '42');

  const card = await stripe.customers.createSource(cus.id, { source: 'tok_visa' });
  assert.equal(card.object, 'card');
  assert.equal(card.last4, '4242');
  const withCard = await stripe.customers.retrieve(cus.id, { expand: ['default_source'] });
  assert.equal(withCard.default_source.id, card.id);

  await assert.rejects(stripe.customers.createSource(cus.id, { source: 'tok_chargeDeclined' }), (err) => {
    assert.ok(err instanceof Stripe.errors.StripeCardError, err.type);
    assert.equal(err.code, 'card_declined');
    assert.equal(err.statusCode, 402);
    assert.match(err.requestId, /^req_/);
    return true;
  });

  const pi = await stripe.paymentIntents.create({
    amount: 2000, currency: 'usd', customer: cus.id, payment_method: 'pm_card_visa', payment_method_types: ['card'], confirm: true,
  });
  assert.equal(pi.status, 'succeeded');
  assert.equal(pi.amount_received, 2000);

  await stripe.invoiceItems.create({ customer: cus.id, amount: 1500, currency: 'usd', description: 'Setup' });
  let inv = await stripe.invoices.create({ customer: cus.id, pending_invoice_items_behavior: 'include' });
  assert.equal(inv.status, 'draft');
  assert.equal(inv.total, 1500);
  inv = await stripe.invoices.finalizeInvoice(inv.id, { auto_advance: false });
  assert.equal(inv.status, 'open');
  inv = await stripe.invoices.pay(inv.id);
  assert.equal(inv.status, 'paid');
  assert.equal(inv.amount_paid, 1500);

  for (let i = 0; i < 3; i++) await stripe.customers.create({ email: `more${i}@example.com` });
  let n = 0;
  for await (const c of stripe.customers.list({ limit: 2 })) {
    assert.equal(c.object, 'customer');
    n++;
  }
  assert.equal(n, 4, 'auto-pagination walks every page');

  await assert.rejects(stripe.customers.create({ emial: 'typo@example.com' }), (err) => {
    assert.ok(err instanceof Stripe.errors.StripeInvalidRequestError, err.type);
    assert.equal(err.code, 'parameter_unknown');
    assert.equal(err.param, 'emial');
    return true;
  });
  await assert.rejects(stripe.customers.retrieve('cus_missing'), (err) => err.statusCode === 404 && err.code === 'resource_missing');

  const deadline = Date.now() + 10000;
  while (!events.some((e) => e.type === 'invoice.paid') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const types = events.map((e) => e.type);
  for (const t of ['customer.created', 'customer.source.created', 'payment_intent.succeeded', 'invoice.finalized', 'invoice.paid']) {
    assert.ok(types.includes(t), `webhook ${t} received and verified (got ${types.join(', ')})`);
  }
  while (endpointEvents.length < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(endpointEvents.map((e) => e.type).sort(),
    ['customer.created', 'customer.created', 'customer.created', 'customer.created', 'invoice.paid'],
    'the endpoint gets the types it asked for (four customers, one paid invoice), signed with its secret');
  await stripe.webhookEndpoints.del(endpoint.id);
  console.log(`node client workflow: ok (stripe-node ${Stripe.PACKAGE_VERSION ?? ''}, ${events.length + endpointEvents.length} webhooks verified)`);
}

let failed = false;
try {
  await main();
} catch (err) {
  failed = true;
  console.error(err);
} finally {
  server.kill('SIGTERM');
  receiver.close();
}
process.exitCode = failed ? 1 : 0;
