package exampleenv

import (
	"bytes"
	"context"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
	"github.com/stripelite/stripe/stripetest"
)

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

// With STRIPE_API_BASE set, requests go there even when STRIPE_SECRET_KEY
// is set too (they used to go to api.stripe.com), with that key, and the
// program says so on stderr.
func TestBaseWinsOverKey(t *testing.T) {
	t.Parallel()
	srv := stripetest.NewServer(t)
	// A recording proxy in front of the fake shows which key arrives.
	target, err := url.Parse(srv.URL)
	require.NoError(t, err)
	proxy := httputil.NewSingleHostReverseProxy(target)
	var mu sync.Mutex
	var auth []string
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		auth = append(auth, r.Header.Get("Authorization"))
		mu.Unlock()
		proxy.ServeHTTP(w, r)
	}))
	defer front.Close()
	for _, key := range []string{"sk_test_FromTheEnvironment", ""} {
		var stderr bytes.Buffer
		env, err := fromEnv(&stderr, envOf(map[string]string{"STRIPE_SECRET_KEY": key, "STRIPE_API_BASE": front.URL}))
		require.NoError(t, err)
		assert.Nil(t, env.Server, "no in-process server when a base is set")
		before := srv.Count("customer")
		_, err = env.Client.Customers.Create(context.Background(), &stripe.CustomerCreateParams{Email: stripe.Ptr("a@example.com")})
		require.NoError(t, err)
		assert.Equal(t, before+1, srv.Count("customer"), "the customer was created at STRIPE_API_BASE")
		line := stderr.String()
		assert.Contains(t, line, "backend: "+front.URL+" (STRIPE_API_BASE")
		want := key
		if key == "" {
			want = "sk_test_123"
			assert.Contains(t, line, "key sk_test_123")
		} else {
			assert.Contains(t, line, "STRIPE_SECRET_KEY")
			assert.NotContains(t, line, key, "the key is named, never printed")
		}
		mu.Lock()
		require.NotEmpty(t, auth)
		assert.Equal(t, "Basic "+base64.StdEncoding.EncodeToString([]byte(want+":")), auth[len(auth)-1])
		mu.Unlock()
		env.Close()
	}
}

// Each choice of backend is announced on stderr; live keys are refused
// whatever the base.
func TestBackendChoice(t *testing.T) {
	t.Parallel()
	var stderr bytes.Buffer
	env, err := fromEnv(&stderr, envOf(map[string]string{"STRIPE_SECRET_KEY": "sk_test_123"}))
	require.NoError(t, err)
	assert.Nil(t, env.Server)
	assert.Equal(t, "backend: Stripe test mode at https://api.stripe.com (STRIPE_SECRET_KEY)\n", stderr.String())

	stderr.Reset()
	env, err = fromEnv(&stderr, envOf(nil))
	require.NoError(t, err)
	require.NotNil(t, env.Server)
	assert.True(t, strings.HasPrefix(stderr.String(), "backend: in-process stripetest server at "+env.Server.URL), stderr.String())
	env.Close()

	for _, m := range []map[string]string{
		{"STRIPE_SECRET_KEY": "sk_live_123"},
		{"STRIPE_SECRET_KEY": "sk_live_123", "STRIPE_API_BASE": "http://127.0.0.1:12111"},
		{"STRIPE_SECRET_KEY": "rk_live_123", "STRIPE_API_BASE": "http://127.0.0.1:12111"},
	} {
		stderr.Reset()
		_, err := fromEnv(&stderr, envOf(m))
		assert.ErrorContains(t, err, "test-mode key", m)
		assert.Empty(t, stderr.String())
	}
	_, err = fromEnv(&stderr, envOf(map[string]string{"STRIPE_API_BASE": "not a url"}))
	assert.Error(t, err)
}
