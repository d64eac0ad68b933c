package stripe

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

const (
	testWEID     = "we_1Pgc6yB7WZ01zgkWzAudq4eU"
	testWESecret = "whsec_test_FAKE0123456789abcdef"
)

func checkWebhookEndpoint(t *testing.T, got any) {
	t.Helper()
	require.Equal(t, WebhookEndpoint{
		ID:            testWEID,
		Object:        "webhook_endpoint",
		Created:       1234567890,
		Description:   "This is my webhook, I like it a lot",
		EnabledEvents: []EventType{EventChargeFailed, EventChargeSucceeded},
		Metadata:      map[string]string{},
		Status:        "enabled",
		URL:           "https://example.com/my/webhook/endpoint",
	}, *got.(*WebhookEndpoint))
}

func TestWebhookEndpoints(t *testing.T) {
	t.Parallel()
	path := "/v1/webhook_endpoints/" + testWEID
	runCallCases(t, []callCase{
		{
			name: "create defaults api_version", fixture: "webhook_endpoint_created.json", method: "POST", path: "/v1/webhook_endpoints",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.WebhookEndpoints.Create(ctx, &WebhookEndpointCreateParams{
					URL:           Ptr("https://example.com/hooks/stripe"),
					EnabledEvents: []EventType{EventCheckoutSessionCompleted, "invoice.paid"},
					Description:   Ptr("workflow wf_42"),
					Connect:       Ptr(false),
					Metadata:      Metadata{"workflow": "wf_42"},
				})
			},
			values: url.Values{
				"url":                {"https://example.com/hooks/stripe"},
				"enabled_events[0]":  {"checkout.session.completed"},
				"enabled_events[1]":  {"invoice.paid"},
				"description":        {"workflow wf_42"},
				"connect":            {"false"},
				"metadata[workflow]": {"wf_42"},
				"api_version":        {APIVersion},
			},
			check: func(t *testing.T, got any) {
				we := got.(*WebhookEndpoint)
				require.Equal(t, testWESecret, we.Secret.Reveal())
				require.Equal(t, APIVersion, we.APIVersion)
				require.Equal(t, []EventType{EventCheckoutSessionCompleted, EventInvoicePaid}, we.EnabledEvents)
				require.Equal(t, map[string]string{"workflow": "wf_42"}, we.Metadata)
			},
		},
		{
			name: "create with explicit api_version", fixture: "webhook_endpoint_created.json", method: "POST", path: "/v1/webhook_endpoints",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.WebhookEndpoints.Create(ctx, &WebhookEndpointCreateParams{
					URL: Ptr("https://example.com/h"), EnabledEvents: []EventType{"*"}, APIVersion: Ptr("2025-01-27.acacia"),
				})
			},
			values: url.Values{"url": {"https://example.com/h"}, "enabled_events[0]": {"*"}, "api_version": {"2025-01-27.acacia"}},
			check:  func(t *testing.T, got any) { require.Equal(t, testWESecret, got.(*WebhookEndpoint).Secret.Reveal()) },
		},
		{
			name: "get", fixture: "webhook_endpoint.json", method: "GET", path: path,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.WebhookEndpoints.Get(ctx, testWEID, nil)
			},
			check: checkWebhookEndpoint,
		},
		{
			name: "update", fixture: "webhook_endpoint.json", method: "POST", path: path,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.WebhookEndpoints.Update(ctx, testWEID, &WebhookEndpointUpdateParams{
					Disabled: Ptr(false), Description: Ptr(""), URL: Ptr("https://example.com/new"),
					EnabledEvents: []EventType{EventChargeFailed}, Metadata: Metadata{"workflow": ""},
				})
			},
			values: url.Values{
				"disabled": {"false"}, "description": {""}, "url": {"https://example.com/new"},
				"enabled_events[0]": {"charge.failed"}, "metadata[workflow]": {""},
			},
			check: checkWebhookEndpoint,
		},
		{
			name: "delete", fixture: "webhook_endpoint_deleted.json", method: "DELETE", path: path,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.WebhookEndpoints.Delete(ctx, testWEID, nil)
			},
			check: func(t *testing.T, got any) {
				require.Equal(t, Deleted{ID: testWEID, Object: "webhook_endpoint", Deleted: true}, *got.(*Deleted))
			},
		},
		{
			name: "list", fixture: "webhook_endpoint_list.json", method: "GET", path: "/v1/webhook_endpoints",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.WebhookEndpoints.List(ctx, &WebhookEndpointListParams{ListParams: ListParams{Limit: Ptr(int64(100))}})
			},
			values: url.Values{"limit": {"100"}},
			check: func(t *testing.T, got any) {
				page := got.(*List[WebhookEndpoint])
				require.Len(t, page.Data, 1)
				checkWebhookEndpoint(t, &page.Data[0])
			},
		},
	})
}

func TestWebhookEndpointsCreateUsesClientVersionAndKeepsParams(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t, WithAPIVersion("2025-01-27.acacia"))
	rec := mock(mt, ok(fixture(t, "webhook_endpoint_created.json")))
	params := &WebhookEndpointCreateParams{URL: Ptr("https://example.com/h"), EnabledEvents: []EventType{"*"}}
	_, err := c.WebhookEndpoints.Create(context.Background(), params)
	require.NoError(t, err)
	require.Equal(t, "2025-01-27.acacia", rec.requests()[0].Form.Get("api_version"))
	require.Nil(t, params.APIVersion, "the caller's params are not modified")

	// A pointer to "" asks for the account's default version: none is sent.
	empty := &WebhookEndpointCreateParams{APIVersion: Ptr(""), URL: Ptr("https://example.com/h")}
	_, err = c.WebhookEndpoints.Create(context.Background(), empty)
	require.NoError(t, err)
	require.Equal(t, url.Values{"url": {"https://example.com/h"}}, rec.requests()[1].Form)
	require.Equal(t, "", *empty.APIVersion)

	// nil params still get the pinned version.
	_, err = c.WebhookEndpoints.Create(context.Background(), nil)
	require.NoError(t, err)
	require.Equal(t, url.Values{"api_version": {"2025-01-27.acacia"}}, rec.requests()[2].Form)
}

func TestWebhookSecretIsRedacted(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	mock(mt, ok(fixture(t, "webhook_endpoint_created.json")))
	we, err := c.WebhookEndpoints.Create(context.Background(), nil)
	require.NoError(t, err)
	require.Equal(t, testWESecret, we.Secret.Reveal())

	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, nil))
	logger.Info("endpoint", "endpoint", we, "secret", we.Secret)
	logger.Info("text", slog.Any("secret", we.Secret))
	slog.New(slog.NewTextHandler(&logs, nil)).Info("text", "endpoint", *we, "secret", we.Secret)
	js, err := json.Marshal(we)
	require.NoError(t, err)
	for _, out := range []string{
		fmt.Sprintf("%v", we), fmt.Sprintf("%+v", we), fmt.Sprintf("%#v", we), fmt.Sprintf("%v", *we),
		fmt.Sprintf("%+v", *we), fmt.Sprintf("%#v", *we), fmt.Sprintf("%s", we.Secret), fmt.Sprintf("%q", we.Secret),
		fmt.Sprint(we.Secret), we.Secret.String(), string(js), logs.String(),
	} {
		require.NotContains(t, out, "FAKE0123456789")
	}
	require.Contains(t, string(js), `"secret":"[REDACTED]"`)
	require.Contains(t, fmt.Sprintf("%+v", *we), "[REDACTED]")

	// Decoding the redacted form does not yield "[REDACTED]" as a secret.
	var back WebhookEndpoint
	require.NoError(t, json.Unmarshal(js, &back))
	require.Empty(t, back.Secret.Reveal())
	require.Equal(t, we.ID, back.ID)
	require.Empty(t, WebhookSecret("").String())
}

func TestWebhookEndpointsRejectBadIDs(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok("{}"))
	ctx := context.Background()
	_, err := c.WebhookEndpoints.Get(ctx, "", nil)
	require.Error(t, err)
	_, err = c.WebhookEndpoints.Update(ctx, ".", nil)
	require.Error(t, err)
	_, err = c.WebhookEndpoints.Delete(ctx, "..", nil)
	require.Error(t, err)
	require.Empty(t, rec.requests())
}
