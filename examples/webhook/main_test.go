package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/stripelite/stripe/stripetest"
)

func TestReceiverGetsSignedEvents(t *testing.T) {
	t.Parallel()
	const secret = "whsec_test"
	var buf bytes.Buffer
	out := &syncWriter{w: &buf}
	recv := httptest.NewServer(newMux(secret, out))
	defer recv.Close()

	srv := stripetest.NewServer(t, stripetest.WithWebhook(recv.URL+"/webhook", secret))
	c, err := srv.Client()
	require.NoError(t, err)
	ctx := context.Background()
	require.NoError(t, trigger(ctx, c))
	require.NoError(t, srv.FlushWebhooks(ctx))

	out.mu.Lock()
	got := buf.String()
	out.mu.Unlock()
	require.Contains(t, got, "customer.created: customer cus_")
	require.Contains(t, got, "invoice.paid: invoice in_")
	require.Contains(t, got, " paid, 4900 usd\n")
	require.Less(t, strings.Index(got, "customer.created"), strings.Index(got, "invoice.paid"), "events arrive in order")

	// A request with a bad signature is refused.
	resp, err := http.Post(recv.URL+"/webhook", "application/json", strings.NewReader(`{"id":"evt_1","object":"event","type":"invoice.paid"}`))
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
}
