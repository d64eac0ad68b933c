package connector

import (
	"context"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/stripelite/stripe"
)

func fieldOf(t *testing.T, action, name string) Field {
	t.Helper()
	a, ok := Lookup(action)
	require.True(t, ok, action)
	for _, f := range a.Fields {
		if f.Name == name {
			return f
		}
	}
	t.Fatalf("%s has no field %s", action, name)
	return Field{}
}

// TestEnumsFromSDK: a field of an SDK enum type allows the type's
// constants, less the values Stripe only sends.
func TestEnumsFromSDK(t *testing.T) {
	t.Parallel()
	assert.Equal(t, []string{string(stripe.CollectionMethodChargeAutomatically), string(stripe.CollectionMethodSendInvoice)},
		fieldOf(t, "stripe.createInvoice", "collectionMethod").Enum)
	assert.Equal(t, sdkEnums[reflect.TypeFor[stripe.SubscriptionStatus]()], fieldOf(t, "stripe.listSubscriptions", "status").Enum)
	reason := fieldOf(t, "stripe.createRefund", "reason").Enum
	assert.Contains(t, reason, string(stripe.RefundReasonRequestedByCustomer))
	assert.NotContains(t, reason, string(stripe.RefundReasonExpiredUncapturedCharge), "Stripe sets it; a request cannot")
	assert.Equal(t, []string{"now", "unchanged"}, fieldOf(t, "stripe.resumeSubscription", "billingCycleAnchor").Enum, "a plain string keeps its tag")
	recurring := fieldOf(t, "stripe.createPrice", "recurring")
	assert.Equal(t, "interval", recurring.Fields[0].Name)
	assert.Contains(t, recurring.Fields[0].Enum, string(stripe.PriceRecurringIntervalMonth), "nested fields too")
}

func TestEnumTagRules(t *testing.T) {
	t.Parallel()
	type copied struct {
		M *stripe.CollectionMethod `json:"m" enum:"send_invoice" desc:"d"`
	}
	type badExclude struct {
		M *stripe.CollectionMethod `json:"m" enumExclude:"nope" desc:"d"`
	}
	type excludeOnString struct {
		M *string `json:"m" enumExclude:"x" desc:"d"`
	}
	noop := func(context.Context, *stripe.Client, *copied, stripe.Params) (any, error) { return nil, nil }
	assert.Error(t, define("t.a", "d.", "{}", noop).err, "an enum tag may not copy the SDK's constants")
	assert.Error(t, define("t.b", "d.", "{}", func(context.Context, *stripe.Client, *badExclude, stripe.Params) (any, error) { return nil, nil }).err)
	assert.Error(t, define("t.c", "d.", "{}", func(context.Context, *stripe.Client, *excludeOnString, stripe.Params) (any, error) { return nil, nil }).err)
}
