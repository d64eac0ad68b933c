package stripe

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"
)

// The contract tests send real requests to stripe-mock, Stripe's official
// mock server, which validates every parameter against the OpenAPI spec of
// the pinned version. scripts/test.sh installs it and sets
// STRIPELITE_CONTRACT=require, so there a missing binary fails instead of
// skipping.

var stripeMock struct {
	once sync.Once
	cmd  *exec.Cmd
	url  string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if cmd := stripeMock.cmd; cmd != nil {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	}
	os.Exit(code)
}

// contractClient returns a client for a stripe-mock started once per test
// binary on a free loopback port.
func contractClient(t *testing.T) *Client {
	t.Helper()
	stripeMock.once.Do(startStripeMock)
	if stripeMock.err != nil {
		if os.Getenv("STRIPELITE_CONTRACT") == "require" {
			t.Fatalf("stripe-mock: %v", stripeMock.err)
		}
		t.Skipf("stripe-mock not available (%v); run scripts/test.sh", stripeMock.err)
	}
	c, err := NewClient(testKey, WithBaseURL(stripeMock.url), WithRateLimit(rate.Inf, rate.Inf), WithMaxRetries(0))
	require.NoError(t, err)
	return c
}

func stripeMockBinary() (string, error) {
	if p := os.Getenv("STRIPE_MOCK_BIN"); p != "" {
		return p, nil
	}
	if p, err := exec.LookPath("stripe-mock"); err == nil {
		return p, nil
	}
	out, err := exec.Command("go", "env", "GOPATH").Output()
	if err != nil {
		return "", err
	}
	p := filepath.Join(strings.TrimSpace(string(out)), "bin", "stripe-mock")
	if _, err := os.Stat(p); err != nil {
		return "", errors.New("stripe-mock binary not found")
	}
	return p, nil
}

var listenLine = regexp.MustCompile(`Listening for HTTP at address: (\S+)`)

func startStripeMock() {
	bin, err := stripeMockBinary()
	if err != nil {
		stripeMock.err = err
		return
	}
	cmd := exec.Command(bin, "-http-addr", "127.0.0.1:0", "-https-addr", "127.0.0.1:0", "-strict-version-check")
	out, err := cmd.StdoutPipe()
	if err != nil {
		stripeMock.err = err
		return
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		stripeMock.err = err
		return
	}
	stripeMock.cmd = cmd
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := listenLine.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
				break
			}
		}
		_, _ = io.Copy(io.Discard, out)
	}()
	select {
	case addr := <-found:
		stripeMock.url = "http://" + addr
	case <-time.After(30 * time.Second):
		stripeMock.err = fmt.Errorf("%s did not start listening within 30s", bin)
	}
}

func TestContractCustomers(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	cus, err := c.Customers.Create(ctx, &CustomerCreateParams{
		Email:            Ptr("jenny@example.com"),
		Name:             Ptr("Jenny Rosen"),
		Description:      Ptr(""),
		Metadata:         Metadata{"company_id": "42"},
		Address:          &AddressParams{City: Ptr("Berlin"), Country: Ptr("DE"), Line1: Ptr("Unter den Linden 1"), PostalCode: Ptr("10117")},
		Shipping:         &ShippingParams{Name: Ptr("Jenny"), Address: &AddressParams{Line1: Ptr("1 Main St")}},
		PreferredLocales: []string{"en", "de"},
		Balance:          Ptr(int64(-500)),
		TaxExempt:        Ptr(CustomerTaxExemptNone),
		InvoiceSettings:  &CustomerInvoiceSettingsParams{Footer: Ptr("Thanks")},
		Params:           Params{Expand: []string{"default_source"}},
	})
	require.NoError(t, err)
	require.NotEmpty(t, cus.ID)
	require.Equal(t, "customer", cus.Object)

	got, err := c.Customers.Get(ctx, cus.ID, &CustomerGetParams{Params: Params{Expand: []string{"default_source"}}})
	require.NoError(t, err)
	require.NotEmpty(t, got.ID)

	_, err = c.Customers.Update(ctx, cus.ID, &CustomerUpdateParams{
		Email: Ptr("new@example.com"), Metadata: Metadata{"company_id": ""}, DefaultSource: Ptr("card_123"),
	})
	require.NoError(t, err)

	page, err := c.Customers.List(ctx, &CustomerListParams{
		ListParams: ListParams{Limit: Ptr(int64(3)), StartingAfter: Ptr("cus_1")},
		Email:      Ptr("jenny@example.com"),
		Created:    &RangeQuery{GTE: Ptr(int64(1700000000)), LT: Ptr(int64(1800000000))},
	})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)

	n := 0
	for cus, err := range c.Customers.All(ctx, &CustomerListParams{ListParams: ListParams{Limit: Ptr(int64(2))}}) {
		require.NoError(t, err)
		require.NotEmpty(t, cus.ID)
		if n++; n == 3 {
			break
		}
	}
	require.Positive(t, n)

	del, err := c.Customers.Delete(ctx, cus.ID)
	require.NoError(t, err)
	require.True(t, del.Deleted)
}

// TestContractRejectsUnknownParams proves the contract suite can fail:
// stripe-mock answers a parameter the spec does not know with a 400.
func TestContractRejectsUnknownParams(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	type bogus struct {
		Params
		NotAParam *string `url:"not_a_param,omitempty"`
	}
	err := c.call(context.Background(), "POST", "/v1/customers", &bogus{NotAParam: Ptr("x")}, new(Customer))
	var se *Error
	require.ErrorAs(t, err, &se)
	require.Equal(t, 400, se.HTTPStatus)
	require.Equal(t, ErrorTypeInvalidRequest, se.Type)
}
