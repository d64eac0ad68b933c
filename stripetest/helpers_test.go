package stripetest_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/stripelite/stripe/stripetest"
)

// ids returns the ID field of each element of a slice of Stripe objects.
func ids[T any](list []T) []string {
	out := make([]string, len(list))
	for i := range list {
		out[i] = reflect.ValueOf(&list[i]).Elem().FieldByName("ID").String()
	}
	return out
}

func readAll(t *testing.T, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return string(b)
}

// rawCall sends one request to srv with TestKey and the headers given as
// name, value pairs, and returns the response and its JSON body.
func rawCall(t *testing.T, srv *stripetest.Server, method, path string, form url.Values, headers ...string) (*http.Response, map[string]any) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, srv.URL+path, body)
	require.NoError(t, err)
	req.SetBasicAuth(stripetest.TestKey, "")
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	raw := readAll(t, resp)
	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(raw), &m), raw)
	return resp, m
}
