package stripe

import (
	"context"
	"encoding/base64"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

// callCase is one typed method call against httpmock: what it must send
// (method, escaped path, form body for POST, query for GET and DELETE)
// and a check of what it decoded from the fixture.
type callCase struct {
	name    string
	fixture string
	call    func(ctx context.Context, c *Client) (any, error)
	method  string
	path    string
	values  url.Values // the form (POST) or the query (GET, DELETE); nil means none
	check   func(t *testing.T, got any)
}

// runCallCases runs each case on its own client and transport.
func runCallCases(t *testing.T, cases []callCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, mt := newTestClient(t)
			rec := mock(mt, ok(fixture(t, tc.fixture)))
			got, err := tc.call(context.Background(), c)
			require.NoError(t, err)
			sent := rec.requests()
			require.Len(t, sent, 1)
			require.Equal(t, tc.method, sent[0].Method)
			require.Equal(t, tc.path, sent[0].Path)
			require.Equal(t, "Basic "+base64.StdEncoding.EncodeToString([]byte(testKey+":")), sent[0].Header.Get("Authorization"))
			sentValues := sent[0].Query
			if tc.method == "POST" {
				sentValues = sent[0].Form
				require.Empty(t, sent[0].Query)
			} else {
				require.Empty(t, sent[0].RawBody)
			}
			want := tc.values
			if want == nil {
				want = url.Values{}
			}
			if len(sentValues) == 0 {
				sentValues = url.Values{}
			}
			require.Equal(t, want, sentValues)
			tc.check(t, got)
		})
	}
}
