package stripe

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestEventsGet(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "event_customer_updated.json")))

	ev, err := c.Events.Get(context.Background(), "evt_1NG8Du2eZvKYlo2CUI79vXWy",
		&EventGetParams{Params: Params{Expand: []string{"data.object.default_source"}}})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	require.Equal(t, http.MethodGet, sent[0].Method)
	require.Equal(t, "/v1/events/evt_1NG8Du2eZvKYlo2CUI79vXWy", sent[0].Path)
	require.Equal(t, url.Values{"expand[0]": {"data.object.default_source"}}, sent[0].Query)
	require.Empty(t, sent[0].RawBody)

	require.Equal(t, "evt_1NG8Du2eZvKYlo2CUI79vXWy", ev.ID)
	require.Equal(t, "event", ev.Object)
	require.Equal(t, EventCustomerUpdated, ev.Type)
	require.Equal(t, "acct_1Mz9xF2eZvKYlo2C", ev.Account)
	require.Equal(t, "acct_1Mz9xF2eZvKYlo2C", ev.Context)
	require.Equal(t, APIVersion, ev.APIVersion)
	require.False(t, ev.APIVersionMismatch())
	require.Equal(t, int64(1686089970), ev.Created)
	require.False(t, ev.Livemode)
	require.Equal(t, int64(2), ev.PendingWebhooks)
	require.Equal(t, &EventRequest{ID: "req_8oAF1kfzBxNbxI", IdempotencyKey: "9f6c2f0e-3b7a-4b1e-9d2c-5f1a8e7d6c4b"}, ev.Request)

	require.Equal(t, "customer", ev.Data.ObjectType())
	var cus Customer
	require.NoError(t, ev.Data.Decode(&cus))
	require.Equal(t, "cus_NffrFeUfNV2Hib", cus.ID)
	require.Equal(t, "jenny.rosen@example.com", cus.Email)
	require.Equal(t, map[string]string{"order_id": "6735"}, cus.Metadata)

	require.Len(t, ev.Data.PreviousAttributes, 2)
	var oldEmail string
	require.NoError(t, json.Unmarshal(ev.Data.PreviousAttributes["email"], &oldEmail))
	require.Equal(t, "jenny@example.com", oldEmail)
	require.JSONEq(t, `{"order_id": null}`, string(ev.Data.PreviousAttributes["metadata"]))
}

func TestEventsGetRejectsBadID(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "event_customer_updated.json")))
	for _, id := range []string{"", "..", "evt_1\n"} {
		_, err := c.Events.Get(context.Background(), id, nil)
		require.Error(t, err, "id %q", id)
	}
	require.Empty(t, rec.requests())

	_, err := c.Events.Get(context.Background(), "evt_1/../charges", nil)
	require.NoError(t, err)
	require.Equal(t, "/v1/events/evt_1%2F..%2Fcharges", rec.requests()[0].Path)
}

func TestEventsList(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "events_page1.json")))

	page, err := c.Events.List(context.Background(), &EventListParams{
		ListParams:      ListParams{Limit: Ptr(int64(2)), StartingAfter: Ptr("evt_0")},
		Created:         &RangeQuery{GTE: Ptr(int64(1686000000)), LT: Ptr(int64(1687000000))},
		DeliverySuccess: Ptr(false),
		Types:           []EventType{EventInvoicePaid, EventInvoicePaymentFailed},
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	require.Equal(t, http.MethodGet, sent[0].Method)
	require.Equal(t, "/v1/events", sent[0].Path)
	require.Equal(t, url.Values{
		"limit":            {"2"},
		"starting_after":   {"evt_0"},
		"created[gte]":     {"1686000000"},
		"created[lt]":      {"1687000000"},
		"delivery_success": {"false"},
		"types[0]":         {"invoice.paid"},
		"types[1]":         {"invoice.payment_failed"},
	}, sent[0].Query)

	require.Equal(t, "list", page.Object)
	require.True(t, page.HasMore)
	require.Len(t, page.Data, 2)
	require.Equal(t, "evt_page1_a", page.Data[0].ID)
	require.Equal(t, EventInvoicePaid, page.Data[0].Type)
	require.Nil(t, page.Data[0].Request) // request: null
	require.Equal(t, &EventRequest{ID: "req_page1_b"}, page.Data[1].Request)
	require.Equal(t, "invoice", page.Data[1].Data.ObjectType())
}

func TestEventsListTypeWildcard(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "events_page2.json")))

	_, err := c.Events.List(context.Background(), &EventListParams{Type: Ptr(EventType("invoice.*"))})
	require.NoError(t, err)
	require.Equal(t, url.Values{"type": {"invoice.*"}}, rec.requests()[0].Query)

	_, err = c.Events.List(context.Background(), nil)
	require.NoError(t, err)
	require.Empty(t, rec.requests()[1].Query)
}

func TestEventsAll(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "events_page1.json")), ok(fixture(t, "events_page2.json")))

	params := &EventListParams{Type: Ptr(EventInvoicePaid)}
	var ids []string
	for ev, err := range c.Events.All(context.Background(), params) {
		require.NoError(t, err)
		ids = append(ids, ev.ID)
	}
	require.Equal(t, []string{"evt_page1_a", "evt_page1_b", "evt_page2_a"}, ids)

	sent := rec.requests()
	require.Len(t, sent, 2)
	require.Equal(t, url.Values{"type": {"invoice.paid"}}, sent[0].Query)
	require.Equal(t, url.Values{"type": {"invoice.paid"}, "starting_after": {"evt_page1_b"}}, sent[1].Query)
	require.Nil(t, params.StartingAfter, "params must not be modified")
}

func TestEventOldStyleStringRequest(t *testing.T) {
	t.Parallel()
	var ev Event
	require.NoError(t, json.Unmarshal([]byte(fixture(t, "event_old_request_string.json")), &ev))
	require.Equal(t, "evt_19yYqH2eZvKYlo2CQl1h1a2b", ev.ID)
	require.Equal(t, EventChargeSucceeded, ev.Type)
	require.Equal(t, &EventRequest{ID: "req_AJBdJ1xL2ZPeQi"}, ev.Request)
	require.Equal(t, "2017-02-14", ev.APIVersion)
	require.True(t, ev.APIVersionMismatch())
	require.Nil(t, ev.Data.PreviousAttributes)

	var ch struct {
		ID     string `json:"id"`
		Amount int64  `json:"amount"`
		Status string `json:"status"`
	}
	require.NoError(t, ev.Data.Decode(&ch))
	require.Equal(t, "ch_19yYqG2eZvKYlo2Cd1x7kYtA", ch.ID)
	require.Equal(t, int64(999), ch.Amount)
	require.Equal(t, "succeeded", ch.Status)
}

func TestEventRequestUnmarshal(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    *EventRequest
		wantErr bool
	}{
		{`null`, nil, false},
		{`"req_123"`, &EventRequest{ID: "req_123"}, false},
		{`{"id": "req_123", "idempotency_key": "k1"}`, &EventRequest{ID: "req_123", IdempotencyKey: "k1"}, false},
		{`{"id": null, "idempotency_key": null}`, &EventRequest{}, false},
		{` "req_ws" `, &EventRequest{ID: "req_ws"}, false},
		{`42`, nil, true},
		{`["req_1"]`, nil, true},
	}
	for _, tt := range tests {
		var ev Event
		err := json.Unmarshal([]byte(`{"id":"evt_1","object":"event","request":`+tt.in+`}`), &ev)
		if tt.wantErr {
			require.Error(t, err, tt.in)
			continue
		}
		require.NoError(t, err, tt.in)
		if tt.in == `null` {
			require.Nil(t, ev.Request, "request: null")
			continue
		}
		require.NotNil(t, ev.Request, tt.in)
		require.Equal(t, tt.want, ev.Request, tt.in)
	}

	// A reused value is reset, not merged.
	r := EventRequest{ID: "old", IdempotencyKey: "old"}
	require.NoError(t, json.Unmarshal([]byte(`"req_new"`), &r))
	require.Equal(t, EventRequest{ID: "req_new"}, r)
}

func TestEventDataDecodeErrors(t *testing.T) {
	t.Parallel()
	var ev Event
	require.NoError(t, json.Unmarshal([]byte(fixture(t, "event_invoice_paid.json")), &ev))

	// An invoice is not a customer: caught before decoding.
	var cus Customer
	err := ev.Data.Decode(&cus)
	require.ErrorIs(t, err, ErrEventObjectMismatch)
	require.Contains(t, err.Error(), `"invoice"`)
	require.Contains(t, err.Error(), "*stripe.Customer")
	require.Empty(t, cus.ID)

	// A caller's struct of the wrong shape gets a wrapped json error.
	var bad struct {
		AmountPaid string `json:"amount_paid"`
	}
	err = ev.Data.Decode(&bad)
	require.Error(t, err)
	require.NotErrorIs(t, err, ErrEventObjectMismatch)
	var typeErr *json.UnmarshalTypeError
	require.True(t, errors.As(err, &typeErr), "%v", err)
	require.Contains(t, err.Error(), "decoding event data.object")

	// Not a pointer, nil pointer, missing object.
	require.Error(t, ev.Data.Decode(cus))
	require.Error(t, ev.Data.Decode((*Customer)(nil)))
	require.Error(t, (&EventData{}).Decode(&cus))
	require.Error(t, (&EventData{Object: json.RawMessage("null")}).Decode(&cus))

	// No "object" field: nothing to compare, decode as asked.
	d := EventData{Object: json.RawMessage(`{"id":"cus_1","email":"a@example.com"}`)}
	require.Equal(t, "", d.ObjectType())
	require.NoError(t, d.Decode(&cus))
	require.Equal(t, "a@example.com", cus.Email)
}
