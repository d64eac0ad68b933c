package stripe

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"sync"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/require"
)

// runSeedInvoiceWorkflow runs the seed invoice workflow: find the customer by
// email or create it, create a draft invoice due in 30 days, add one item,
// finalize the invoice and email it.
func runSeedInvoiceWorkflow(ctx context.Context, c *Client, email, name string, amount int64, currency, description string) (*Invoice, error) {
	var cus *Customer
	page, err := c.Customers.List(ctx, &CustomerListParams{Email: Ptr(email), ListParams: ListParams{Limit: Ptr(int64(1))}})
	if err != nil {
		return nil, err
	}
	if len(page.Data) > 0 {
		cus = &page.Data[0]
	} else if cus, err = c.Customers.Create(ctx, &CustomerCreateParams{Email: Ptr(email), Name: Ptr(name)}); err != nil {
		return nil, err
	}
	if cus.ID == "" {
		return nil, errors.New("customer without ID")
	}

	inv, err := c.Invoices.Create(ctx, &InvoiceCreateParams{
		Customer:         Ptr(cus.ID),
		AutoAdvance:      Ptr(false),
		CollectionMethod: Ptr(CollectionMethodSendInvoice),
		DaysUntilDue:     Ptr(int64(30)),
	})
	if err != nil {
		return nil, err
	}
	if _, err := c.InvoiceItems.Create(ctx, &InvoiceItemCreateParams{
		Customer:    Ptr(cus.ID),
		Invoice:     Ptr(inv.ID),
		Amount:      Ptr(amount),
		Currency:    Ptr(currency),
		Description: Ptr(description),
	}); err != nil {
		return nil, err
	}
	if inv, err = c.Invoices.Finalize(ctx, inv.ID, nil); err != nil {
		return nil, err
	}
	return c.Invoices.Send(ctx, inv.ID, nil)
}

// workflowCall is one request seen by a route responder.
type workflowCall struct {
	Method, Path string
	Query, Form  url.Values
	IdemKey      string
}

func TestWorkflowSeedInvoice(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)

	var (
		mu    sync.Mutex
		calls []workflowCall
	)
	route := func(method, path, body string) {
		mt.RegisterResponder(method, DefaultBaseURL+path, func(req *http.Request) (*http.Response, error) {
			var raw []byte
			if req.Body != nil {
				var err error
				if raw, err = io.ReadAll(req.Body); err != nil {
					return nil, err
				}
			}
			form, err := url.ParseQuery(string(raw))
			if err != nil {
				return nil, err
			}
			mu.Lock()
			calls = append(calls, workflowCall{
				Method: req.Method, Path: req.URL.EscapedPath(), Query: req.URL.Query(),
				Form: form, IdemKey: req.Header.Get("Idempotency-Key"),
			})
			mu.Unlock()
			resp := httpmock.NewStringResponse(http.StatusOK, body)
			resp.Header.Set("Content-Type", "application/json")
			return resp, nil
		})
	}
	const invID = "in_1QaBcJ2eZvKYlo2CdRaFt001"
	route(http.MethodGet, "/v1/customers", `{"object":"list","data":[],"has_more":false,"url":"/v1/customers"}`)
	route(http.MethodPost, "/v1/customers", fixture(t, "customer.json"))
	route(http.MethodPost, "/v1/invoices", fixture(t, "invoice_draft.json"))
	route(http.MethodPost, "/v1/invoiceitems", fixture(t, "invoiceitem.json"))
	route(http.MethodPost, "/v1/invoices/"+invID+"/finalize", fixture(t, "invoice_finalized.json"))
	route(http.MethodPost, "/v1/invoices/"+invID+"/send", fixture(t, "invoice_finalized.json"))

	inv, err := runSeedInvoiceWorkflow(context.Background(), c, "jennyrosen@example.com", "Jenny Rosen", 9900, "usd", "Consulting, 3 hours")
	require.NoError(t, err)
	require.Equal(t, invID, inv.ID)
	require.Equal(t, InvoiceStatusOpen, inv.Status)
	require.NotEmpty(t, inv.HostedInvoiceURL)

	mu.Lock()
	defer mu.Unlock()
	type hop struct{ Method, Path string }
	var hops []hop
	for _, call := range calls {
		hops = append(hops, hop{call.Method, call.Path})
	}
	require.Equal(t, []hop{
		{http.MethodGet, "/v1/customers"},
		{http.MethodPost, "/v1/customers"},
		{http.MethodPost, "/v1/invoices"},
		{http.MethodPost, "/v1/invoiceitems"},
		{http.MethodPost, "/v1/invoices/" + invID + "/finalize"},
		{http.MethodPost, "/v1/invoices/" + invID + "/send"},
	}, hops)

	// The lookup is a GET with the email in the query; it sends no key.
	require.Equal(t, url.Values{"email": {"jennyrosen@example.com"}, "limit": {"1"}}, calls[0].Query)
	require.Empty(t, calls[0].IdemKey)

	const cusID = "cus_NffrFeUfNV2Hib" // from testdata/customer.json
	require.Equal(t, url.Values{"email": {"jennyrosen@example.com"}, "name": {"Jenny Rosen"}}, calls[1].Form)
	require.Equal(t, url.Values{
		"customer":          {cusID},
		"auto_advance":      {"false"},
		"collection_method": {"send_invoice"},
		"days_until_due":    {"30"},
	}, calls[2].Form)
	require.Equal(t, url.Values{
		"customer":    {cusID},
		"invoice":     {invID},
		"amount":      {"9900"},
		"currency":    {"usd"},
		"description": {"Consulting, 3 hours"},
	}, calls[3].Form)
	require.Empty(t, calls[4].Form, "finalize without params sends no body")
	require.Empty(t, calls[5].Form)

	keys := map[string]bool{}
	for _, call := range calls[1:] {
		require.NotEmpty(t, call.IdemKey, "%s %s carries an Idempotency-Key", call.Method, call.Path)
		keys[call.IdemKey] = true
	}
	require.Len(t, keys, 5, "each POST has its own Idempotency-Key")

	info := mt.GetCallCountInfo()
	require.Equal(t, 1, info["GET "+DefaultBaseURL+"/v1/customers"])
	require.Equal(t, 1, info["POST "+DefaultBaseURL+"/v1/invoices/"+invID+"/send"])
}

func TestWorkflowSeedInvoiceReusesExistingCustomer(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt,
		ok(fixture(t, "customers_page1.json")),
		ok(fixture(t, "invoice_draft.json")),
		ok(fixture(t, "invoiceitem.json")),
		ok(fixture(t, "invoice_finalized.json")),
	)

	_, err := runSeedInvoiceWorkflow(context.Background(), c, "jennyrosen@example.com", "Jenny Rosen", 9900, "usd", "Consulting")
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 5)
	require.Equal(t, "/v1/invoices", sent[1].Path, "no customer is created when one is found")
	require.Equal(t, "cus_001", sent[1].Form.Get("customer"))
	require.Equal(t, "cus_001", sent[2].Form.Get("customer"))
}

func TestWorkflowSeedInvoiceStopsOnError(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t, WithMaxRetries(0))
	rec := mock(mt,
		ok(`{"object":"list","data":[],"has_more":false,"url":"/v1/customers"}`),
		ok(fixture(t, "customer.json")),
		ok(fixture(t, "invoice_draft.json")),
		reply{status: http.StatusBadRequest, body: `{"error":{"type":"invalid_request_error","message":"Invalid currency: usx","param":"currency"}}`},
	)

	_, err := runSeedInvoiceWorkflow(context.Background(), c, "jennyrosen@example.com", "Jenny Rosen", 9900, "usx", "Consulting")
	var se *Error
	require.ErrorAs(t, err, &se)
	require.Equal(t, "currency", se.Param)
	require.Len(t, rec.requests(), 4, "nothing is finalized after a failed step")
}
