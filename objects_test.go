package stripe

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExpandableDecodesIDObjectOrNull(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]Expandable[Customer]{
		`"cus_123"`:        {ID: "cus_123"},
		`"cus_\u00e9"`:     {ID: "cus_é"},
		`"a\\b"`:           {ID: `a\b`},
		`"caf` + "é" + `"`: {ID: "café"},
		`""`:               {},
		`null`:             {},
		`{"id":"cus_9","object":"customer","email":"a@example.com"}`: {ID: "cus_9", Object: &Customer{ID: "cus_9", Object: "customer", Email: "a@example.com"}},
	} {
		var got struct {
			C Expandable[Customer] `json:"c"`
		}
		require.NoError(t, json.Unmarshal([]byte(`{"c":`+in+`}`), &got), in)
		assert.Equal(t, want, got.C, in)
	}
	var bad struct {
		C Expandable[Customer] `json:"c"`
	}
	assert.Error(t, json.Unmarshal([]byte(`{"c":5}`), &bad))
}

func TestExpandableMarshalsBack(t *testing.T) {
	t.Parallel()
	for want, e := range map[string]Expandable[Customer]{
		`"cus_1"`: {ID: "cus_1"},
		`null`:    {},
	} {
		b, err := json.Marshal(e)
		require.NoError(t, err)
		assert.Equal(t, want, string(b))
	}
	b, err := json.Marshal(Expandable[Deleted]{ID: "x", Object: &Deleted{ID: "x", Object: "customer", Deleted: true}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"x","object":"customer","deleted":true}`, string(b))
}

// Fields Stripe lets callers expand but this package does not model decode
// both ways, so an expand never turns a successful call into an error.
func TestUnmodelledExpandablesDecode(t *testing.T) {
	t.Parallel()
	var sub Subscription
	require.NoError(t, json.Unmarshal([]byte(`{"id":"sub_1","object":"subscription",
		"schedule":{"id":"sub_sched_1","object":"subscription_schedule","phases":[]},
		"test_clock":"clock_1","on_behalf_of":{"id":"acct_1","object":"account"},"application":null}`), &sub))
	assert.Equal(t, "sub_sched_1", sub.Schedule.ID)
	assert.Equal(t, "subscription_schedule", sub.Schedule.Object.Object)
	assert.Equal(t, "clock_1", sub.TestClock.ID)
	assert.Equal(t, "acct_1", sub.OnBehalfOf.ID)
	assert.Empty(t, sub.Application.ID)

	var inv Invoice
	require.NoError(t, json.Unmarshal([]byte(`{"id":"in_1","test_clock":{"id":"clock_1","object":"test_helpers.test_clock"},"application":"ca_1"}`), &inv))
	assert.Equal(t, "clock_1", inv.TestClock.ID)
	assert.Equal(t, "ca_1", inv.Application.ID)
	var cus Customer
	require.NoError(t, json.Unmarshal([]byte(`{"id":"cus_1","test_clock":{"id":"clock_2","object":"test_helpers.test_clock"}}`), &cus))
	assert.Equal(t, "clock_2", cus.TestClock.ID)
	var ii InvoiceItem
	require.NoError(t, json.Unmarshal([]byte(`{"id":"ii_1","test_clock":{"id":"clock_3","object":"test_helpers.test_clock"}}`), &ii))
	assert.Equal(t, "clock_3", ii.TestClock.ID)
}
