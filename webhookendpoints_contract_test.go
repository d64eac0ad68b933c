package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContractWebhookEndpoints(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	// api_version is left unset: Create sends the pinned version, which
	// stripe-mock checks against the spec's enum.
	we, err := c.WebhookEndpoints.Create(ctx, &WebhookEndpointCreateParams{
		URL:           Ptr("https://example.com/hooks/stripe"),
		EnabledEvents: []EventType{EventCheckoutSessionCompleted, EventInvoicePaid},
		Description:   Ptr("workflow wf_42"),
		Connect:       Ptr(false),
		Metadata:      Metadata{"workflow": "wf_42"},
	})
	require.NoError(t, err)
	require.Equal(t, "webhook_endpoint", we.Object)
	require.NotEmpty(t, we.ID)

	_, err = c.WebhookEndpoints.Create(ctx, &WebhookEndpointCreateParams{URL: Ptr("https://example.com/h"), EnabledEvents: []EventType{"*"}, APIVersion: Ptr("")})
	require.NoError(t, err)

	got, err := c.WebhookEndpoints.Get(ctx, we.ID, &WebhookEndpointGetParams{Params: Params{Expand: []string{}}})
	require.NoError(t, err)
	require.Equal(t, "webhook_endpoint", got.Object)

	_, err = c.WebhookEndpoints.Update(ctx, we.ID, &WebhookEndpointUpdateParams{
		Description: Ptr(""), Disabled: Ptr(true), URL: Ptr("https://example.com/new"),
		EnabledEvents: []EventType{EventChargeFailed}, Metadata: Metadata{"workflow": ""},
	})
	require.NoError(t, err)

	page, err := c.WebhookEndpoints.List(ctx, &WebhookEndpointListParams{ListParams: ListParams{Limit: Ptr(int64(5))}})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)
	for we, err := range c.WebhookEndpoints.All(ctx, nil) {
		require.NoError(t, err)
		require.Equal(t, "webhook_endpoint", we.Object)
		break
	}

	del, err := c.WebhookEndpoints.Delete(ctx, we.ID, nil)
	require.NoError(t, err)
	require.True(t, del.Deleted)
}
