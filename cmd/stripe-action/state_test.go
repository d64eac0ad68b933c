package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// step runs one action document offline with the state in stateFile and
// returns the decoded output.
func step(t *testing.T, stateFile, action, config string) map[string]any {
	t.Helper()
	r := runCmd(t, nil, `{"action": "`+action+`", "config": `+config+`}`, "-state", stateFile)
	require.Equal(t, 0, r.code, "%s: %s\n%s", action, r.stdout, r.stderr)
	assert.Contains(t, r.stderr, "offline state: "+stateFile)
	return decode(t, r.stdout)
}

// TestSeedWorkflowStepByStep runs a workflow one stripe-action call at a
// time offline, each step using the IDs the earlier ones printed: the
// state persists between runs.
func TestSeedWorkflowStepByStep(t *testing.T) {
	t.Parallel()
	state := filepath.Join(t.TempDir(), "state.json")

	cus := step(t, state, "stripe.createCustomer", `{"email": "ada@example.com", "name": "Ada", "source": "tok_visa"}`)
	cusID := cus["id"].(string)
	require.True(t, strings.HasPrefix(cusID, "cus_"))

	inv := step(t, state, "stripe.createInvoice", `{"customerId": "`+cusID+`", "collectionMethod": "charge_automatically", "autoAdvance": false}`)
	invID := inv["id"].(string)
	assert.Equal(t, "draft", inv["status"])

	item := step(t, state, "stripe.createInvoiceItem", `{"customerId": "`+cusID+`", "invoiceId": "`+invID+`", "amount": 4200, "currency": "usd", "description": "Setup"}`)
	assert.Equal(t, invID, item["invoice"])

	fin := step(t, state, "stripe.finalizeInvoice", `{"invoiceId": "`+invID+`"}`)
	assert.Equal(t, "open", fin["status"])
	assert.EqualValues(t, 4200, fin["amount_due"])

	paid := step(t, state, "stripe.payInvoice", `{"invoiceId": "`+invID+`"}`)
	assert.Equal(t, "paid", paid["status"])

	got := step(t, state, "stripe.getInvoice", `{"invoiceId": "`+invID+`"}`)
	assert.Equal(t, "paid", got["status"])
	list := step(t, state, "stripe.listInvoices", `{"customerId": "`+cusID+`"}`)
	assert.Len(t, list["data"], 1)

	// -reset starts again from the demo data: the customer is gone, the
	// demo customer is back.
	r := runCmd(t, nil, "", "-state", state, "-reset")
	require.Equal(t, 0, r.code, r.stderr)
	_, err := os.Stat(state)
	assert.ErrorIs(t, err, os.ErrNotExist)
	r = runCmd(t, nil, `{"action": "stripe.getCustomer", "config": {"customerId": "`+cusID+`"}}`, "-state", state)
	assert.Equal(t, 1, r.code)
	assert.Equal(t, "resource_missing", decode(t, r.stdout)["error"].(map[string]any)["code"])
	assert.Equal(t, "cus_123", step(t, state, "stripe.getCustomer", `{"customerId": "cus_123"}`)["id"])
}

// TestStateDefaultPath: without -state the state lives in the user's cache
// directory, and stderr says where.
func TestStateDefaultPath(t *testing.T) {
	t.Parallel()
	cache := t.TempDir()
	env := map[string]string{"XDG_CACHE_HOME": cache}
	want := filepath.Join(cache, "stripelite", "stripe-action-state.json")
	r := runCmd(t, env, `{"action": "stripe.createProduct", "config": {"name": "Kept"}}`)
	require.Equal(t, 0, r.code, r.stdout)
	assert.Contains(t, r.stderr, want)
	id := decode(t, r.stdout)["id"].(string)
	_, err := os.Stat(want)
	require.NoError(t, err)

	r = runCmd(t, env, `{"action": "stripe.getProduct", "config": {"productId": "`+id+`"}}`)
	require.Equal(t, 0, r.code, r.stdout)
	assert.Equal(t, "Kept", decode(t, r.stdout)["name"])
}

func TestStateErrors(t *testing.T) {
	t.Parallel()
	bad := filepath.Join(t.TempDir(), "state.json")
	require.NoError(t, os.WriteFile(bad, []byte("not json"), 0o600))
	r := runCmd(t, nil, `{"action": "stripe.getBalance", "config": {}}`, "-state", bad)
	assert.NotEqual(t, 0, r.code)
	assert.Contains(t, r.stdout, "-reset")

	// -reset with a document resets, then runs it.
	r = runCmd(t, nil, `{"action": "stripe.getCustomer", "config": {"customerId": "cus_123"}}`, "-state", bad, "-reset", "-")
	require.Equal(t, 0, r.code, r.stdout)

	srv := newFakeStripe(t)
	r = runCmd(t, map[string]string{"STRIPE_API_BASE": srv.URL}, `{}`, "-state", bad)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "offline only")
	assert.Empty(t, srv.requests())
}

// TestDryRun prints the request an action would send, key redacted, and
// sends nothing.
func TestDryRun(t *testing.T) {
	t.Parallel()
	srv := newFakeStripe(t)
	const key = "sk_test_51DryRunSecretKey000"
	env := map[string]string{"STRIPE_API_BASE": srv.URL, "STRIPE_SECRET_KEY": key}
	r := runCmd(t, env, `{"action": "stripe.createCharge", "config": {"amount": 2000, "currency": "usd", "source": "tok_visa", "metadata": {"order": "A-1"}},
		"idempotencyKey": "wf-1-step-2", "stripeAccount": "acct_1Connected"}`, "-dry-run")
	require.Equal(t, 0, r.code, r.stdout)
	assert.Empty(t, srv.requests(), "a dry run sends nothing")
	assert.NotContains(t, r.stdout, key)
	assert.NotContains(t, r.stdout, "sk_test")
	var p plannedRequest
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &p))
	assert.Equal(t, plannedRequest{
		DryRun: true, Method: "POST", URL: srv.URL + "/v1/charges", Path: "/v1/charges",
		Form: map[string]string{"amount": "2000", "currency": "usd", "source": "tok_visa", "metadata[order]": "A-1"},
		Headers: map[string]string{
			"Authorization": "[REDACTED]", "Idempotency-Key": "wf-1-step-2", "Stripe-Account": "acct_1Connected",
			"Stripe-Version": p.Headers["Stripe-Version"], "Content-Type": "application/x-www-form-urlencoded",
		},
	}, p)
	assert.NotEmpty(t, p.Headers["Stripe-Version"])

	// A GET shows its query; offline, no server is started.
	r = runCmd(t, nil, `{"action": "stripe.listInvoices", "config": {"customerId": "cus_123", "status": "open", "limit": 5}}`, "-dry-run")
	require.Equal(t, 0, r.code, r.stdout)
	assert.NotContains(t, r.stderr, "stripetest")
	p = plannedRequest{}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &p))
	assert.Equal(t, "GET", p.Method)
	assert.Equal(t, "https://api.stripe.com/v1/invoices", p.URL)
	assert.Equal(t, map[string]string{"customer": "cus_123", "status": "open", "limit": "5"}, p.Query)
	assert.Empty(t, p.Form)

	// A bad config is still a config error.
	r = runCmd(t, nil, `{"action": "stripe.createCharge", "config": {"amount": 1}}`, "-dry-run")
	assert.Equal(t, exitUsage, r.code)
	assert.Equal(t, "config_error", decode(t, r.stdout)["error"].(map[string]any)["type"])
}

// TestPoll runs a polling trigger once per call, offline, with the cursor
// in a file: the first run starts from now, later runs print each new
// object once.
func TestPoll(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	state, cursor := filepath.Join(dir, "state.json"), filepath.Join(dir, "cursor.json")
	poll := func() []any {
		t.Helper()
		r := runCmd(t, nil, "", "-state", state, "-poll", "stripe.newCharge", "-cursor", cursor)
		require.Equal(t, 0, r.code, "%s\n%s", r.stdout, r.stderr)
		var objs []any
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &objs), r.stdout)
		return objs
	}
	assert.Empty(t, poll(), "the first poll starts from now")
	_, err := os.Stat(cursor)
	require.NoError(t, err, "the cursor is saved")

	ch1 := step(t, state, "stripe.createCharge", `{"amount": 1000, "currency": "usd", "source": "tok_visa"}`)["id"]
	ch2 := step(t, state, "stripe.createCharge", `{"amount": 2000, "currency": "usd", "source": "tok_visa"}`)["id"]
	objs := poll()
	require.Len(t, objs, 2)
	assert.Equal(t, ch1, objs[0].(map[string]any)["id"], "oldest first")
	assert.Equal(t, ch2, objs[1].(map[string]any)["id"])
	assert.Empty(t, poll(), "each object once")

	for _, args := range [][]string{
		{"-poll", "stripe.newCharge"}, // no cursor
		{"-cursor", cursor},           // no trigger
		{"-poll", "stripe.newCharge", "-cursor", cursor, "-dry-run"},
	} {
		r := runCmd(t, nil, "", append([]string{"-state", state}, args...)...)
		assert.Equal(t, exitUsage, r.code, "%v", args)
	}
	r := runCmd(t, nil, "", "-state", state, "-poll", "stripe.nope", "-cursor", cursor)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stdout, "unknown polling trigger")

	require.NoError(t, os.WriteFile(cursor, []byte("{"), 0o600))
	r = runCmd(t, nil, "", "-state", state, "-poll", "stripe.newCharge", "-cursor", cursor)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stdout, "not a saved cursor")
}

// TestOptionsAndSamples runs an option loader and a trigger's samples
// offline against the demo data.
func TestOptionsAndSamples(t *testing.T) {
	t.Parallel()
	state := filepath.Join(t.TempDir(), "state.json")
	r := runCmd(t, nil, "", "-state", state, "-options", "prices", "-parent", "prod_123")
	require.Equal(t, 0, r.code, r.stdout)
	assert.JSONEq(t, `{"options": [{"value": "price_123", "label": "20.00 USD / month · price_123"}]}`, r.stdout)

	r = runCmd(t, nil, "", "-state", state, "-options", "customers", "-search", "jenny@example.com")
	require.Equal(t, 0, r.code, r.stdout)
	assert.Contains(t, r.stdout, `"value": "cus_123"`)

	r = runCmd(t, nil, "", "-state", state, "-options", "prices")
	assert.Equal(t, exitUsage, r.code, "prices need -parent")
	assert.Equal(t, "parentId", decode(t, r.stdout)["error"].(map[string]any)["param"])

	ch := step(t, state, "stripe.createCharge", `{"amount": 1234, "currency": "usd", "source": "tok_visa"}`)["id"]
	r = runCmd(t, nil, "", "-state", state, "-samples", "stripe.newCharge", "-n", "1")
	require.Equal(t, 0, r.code, r.stdout)
	var objs []map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &objs))
	require.Len(t, objs, 1)
	assert.Equal(t, ch, objs[0]["id"], "the newest first")

	for _, args := range [][]string{
		{"-samples", "stripe.newCharge", "-options", "products"},
		{"-samples", "stripe.newCharge", "-dry-run"},
		{"-options", "products", "some-file.json"},
	} {
		r := runCmd(t, nil, "", append([]string{"-state", state}, args...)...)
		assert.Equal(t, exitUsage, r.code, "%v", args)
	}
	r = runCmd(t, nil, "", "-state", state, "-samples", "stripe.nope")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stdout, "unknown polling trigger")
}
