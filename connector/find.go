package connector

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/stripelite/stripe"
)

// The find actions return the newest object that matches, or found false:
// {"found": true, "customer": {...}}. They use the Search API (except
// findCustomer by email alone, which lists by email: exact, and without
// the search index's delay of about a minute for new objects).

// FoundCustomer is the result of stripe.findCustomer.
type FoundCustomer struct {
	Found bool `json:"found"`
	// Customer is the newest matching customer as Stripe sent it, or null.
	Customer json.RawMessage `json:"customer"`
}

// clauses builds a Search query: field:'value' clauses joined by AND, in
// the order given, metadata keys sorted.
type clauses []string

func (q *clauses) str(field string, v *string) {
	if v != nil {
		*q = append(*q, field+":"+quote(*v))
	}
}

func (q *clauses) num(field string, v *int64) {
	if v != nil {
		*q = append(*q, field+":"+strconv.FormatInt(*v, 10))
	}
}

func (q *clauses) metadata(m map[string]string) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		*q = append(*q, "metadata["+quote(k)+"]:"+quote(m[k]))
	}
}

func (q clauses) String() string { return strings.Join(q, " AND ") }

// quote is a Search query string: single quotes, with \ and ' escaped.
func quote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// firstOf outputs {"found": ..., key: the first object of the list or
// search page in body, or null}.
func firstOf(action, key string, body []byte) (any, error) {
	var page struct {
		Data []json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(body, &page); err != nil {
		return nil, fmt.Errorf("connector: %s: reading the page: %w", action, err)
	}
	if len(page.Data) == 0 {
		return rawJSON(map[string]any{"found": false, key: nil})
	}
	return rawJSON(map[string]any{"found": true, key: page.Data[0]})
}

var one = stripe.Ptr[int64](1)

type findCustomerConfig struct {
	Email    *string           `json:"email" desc:"The email (exact, case-sensitive)."`
	Name     *string           `json:"name" desc:"The name (exact)."`
	Phone    *string           `json:"phone" desc:"The phone number (exact)."`
	Metadata map[string]string `json:"metadata" desc:"Metadata the customer has, e.g. {\"crm_id\": \"42\"}."`
}

func (*findCustomerConfig) rules() []rule {
	return []rule{atLeastOne("email", "name", "phone", "metadata")}
}

type findPaymentIntentConfig struct {
	Status     *stripe.PaymentIntentStatus `json:"status" desc:"The status, e.g. succeeded."`
	Amount     *int64                      `json:"amount" min:"0" desc:"The amount in the smallest currency unit."`
	Currency   *string                     `json:"currency" desc:"The currency (ISO code, lower case)."`
	CustomerID *string                     `json:"customerId" desc:"The customer (cus_...)."`
	Metadata   map[string]string           `json:"metadata" desc:"Metadata the PaymentIntent has."`
}

func (*findPaymentIntentConfig) rules() []rule {
	return []rule{atLeastOne("status", "amount", "customerId", "metadata")}
}

type findSubscriptionConfig struct {
	Status   *stripe.SubscriptionStatus `json:"status" enumExclude:"all,ended" desc:"The status, e.g. active or past_due."`
	Metadata map[string]string          `json:"metadata" desc:"Metadata the subscription has."`
}

func (*findSubscriptionConfig) rules() []rule { return []rule{atLeastOne("status", "metadata")} }

type findInvoiceConfig struct {
	Number string `json:"number" required:"true" desc:"The invoice number, e.g. DEMO-0001."`
}

func findActions() []Action {
	return []Action{
		define("stripe.findCustomer", "Find the newest customer by email, name, phone or metadata (found is false when there is none).",
			`{"found": true, "customer": `+exampleCustomer+`}`,
			func(ctx context.Context, c *stripe.Client, cfg *findCustomerConfig, base stripe.Params) (any, error) {
				var resp stripe.Response
				var err error
				if cfg.Name == nil && cfg.Phone == nil && cfg.Metadata == nil { // email alone: list, exact and immediate
					_, err = c.Customers.List(stripe.WithResponse(ctx, &resp), &stripe.CustomerListParams{Params: base,
						ListParams: stripe.ListParams{Limit: one}, Email: cfg.Email})
				} else {
					var q clauses
					q.str("email", cfg.Email)
					q.str("name", cfg.Name)
					q.str("phone", cfg.Phone)
					q.metadata(cfg.Metadata)
					_, err = c.Customers.Search(stripe.WithResponse(ctx, &resp), &stripe.CustomerSearchParams{Params: base,
						SearchParams: stripe.SearchParams{Query: q.String(), Limit: one}})
				}
				if err != nil {
					return nil, err
				}
				return firstOf("stripe.findCustomer", "customer", resp.Body)
			}),
		define("stripe.findPaymentIntent", "Find the newest PaymentIntent by status, amount, customer or metadata (Search API).",
			`{"found": true, "paymentIntent": `+examplePaymentIntent+`}`,
			func(ctx context.Context, c *stripe.Client, cfg *findPaymentIntentConfig, base stripe.Params) (any, error) {
				var q clauses
				if cfg.Status != nil {
					q.str("status", stripe.Ptr(string(*cfg.Status)))
				}
				q.num("amount", cfg.Amount)
				q.str("currency", cfg.Currency)
				q.str("customer", cfg.CustomerID)
				q.metadata(cfg.Metadata)
				var resp stripe.Response
				if _, err := c.PaymentIntents.Search(stripe.WithResponse(ctx, &resp), &stripe.PaymentIntentSearchParams{Params: base,
					SearchParams: stripe.SearchParams{Query: q.String(), Limit: one}}); err != nil {
					return nil, err
				}
				return firstOf("stripe.findPaymentIntent", "paymentIntent", resp.Body)
			}),
		define("stripe.findSubscription", "Find the newest subscription by status or metadata (Search API).",
			`{"found": true, "subscription": `+exampleSubscription+`}`,
			func(ctx context.Context, c *stripe.Client, cfg *findSubscriptionConfig, base stripe.Params) (any, error) {
				var q clauses
				if cfg.Status != nil {
					q.str("status", stripe.Ptr(string(*cfg.Status)))
				}
				q.metadata(cfg.Metadata)
				var resp stripe.Response
				if _, err := c.Subscriptions.Search(stripe.WithResponse(ctx, &resp), &stripe.SubscriptionSearchParams{Params: base,
					SearchParams: stripe.SearchParams{Query: q.String(), Limit: one}}); err != nil {
					return nil, err
				}
				return firstOf("stripe.findSubscription", "subscription", resp.Body)
			}),
		define("stripe.findInvoice", "Find an invoice by its number (Search API).",
			`{"found": true, "invoice": `+exampleInvoice+`}`,
			func(ctx context.Context, c *stripe.Client, cfg *findInvoiceConfig, base stripe.Params) (any, error) {
				var q clauses
				q.str("number", &cfg.Number)
				var resp stripe.Response
				if _, err := c.Invoices.Search(stripe.WithResponse(ctx, &resp), &stripe.InvoiceSearchParams{Params: base,
					SearchParams: stripe.SearchParams{Query: q.String(), Limit: one}}); err != nil {
					return nil, err
				}
				return firstOf("stripe.findInvoice", "invoice", resp.Body)
			}),
	}
}
