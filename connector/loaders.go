package connector

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/stripelite/stripe"
)

// Choice is one entry of a form dropdown: the value to put in a config
// and the label to show.
type Choice struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// ChoicePage is one page of a dropdown's choices. NextCursor, when not
// empty, fetches the next page (LoadQuery.Cursor); loaders page lazily, one
// Stripe request per page.
type ChoicePage struct {
	Choices    []Choice `json:"options"`
	NextCursor string   `json:"nextCursor,omitempty"`
}

// LoadQuery asks a loader for one page.
type LoadQuery struct {
	// ParentID is the object the choices belong to, for the loaders that
	// need one (OptionLoader.Parent): the product of prices, the customer
	// of subscriptions or cards.
	ParentID string `json:"parentId,omitempty"`
	// Search narrows the choices, for the loaders that are Searchable.
	Search string `json:"search,omitempty"`
	// Cursor is a NextCursor from the previous page; empty for the first.
	Cursor string `json:"cursor,omitempty"`
	// Limit is the page size, 1 to 100 (default 20).
	Limit int64 `json:"limit,omitempty"`
}

// OptionLoader fills a dropdown of a node's form: customers, products,
// prices, ...
type OptionLoader struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	// Parent is the config field whose value ParentID takes ("productId"),
	// empty when the loader needs none.
	Parent string `json:"parent,omitempty"`
	// Searchable loaders narrow their choices by LoadQuery.Search.
	Searchable bool `json:"searchable,omitempty"`
	// Load returns one page of choices. Bad queries are a *ConfigError,
	// returned before any request.
	Load func(ctx context.Context, c *stripe.Client, q LoadQuery) (*ChoicePage, error) `json:"-"`
}

const defaultChoicePage = 20

// check validates q for loader l, before any request.
func (l OptionLoader) check(q *LoadQuery) *ConfigError {
	fail := func(field, format string, args ...any) *ConfigError {
		return &ConfigError{Action: "options." + l.Name, Field: field, Code: CodeInvalidValue, Reason: fmt.Sprintf(format, args...)}
	}
	switch {
	case q.Limit == 0:
		q.Limit = defaultChoicePage
	case q.Limit < 1 || q.Limit > 100:
		return fail("limit", "must be 1 to 100, got %d", q.Limit)
	}
	if l.Parent != "" && q.ParentID == "" {
		return &ConfigError{Action: "options." + l.Name, Field: "parentId", Code: CodeMissingField, Reason: "is required: the " + l.Parent + " the choices belong to"}
	}
	if l.Parent == "" && q.ParentID != "" {
		return fail("parentId", "this loader takes none")
	}
	if !l.Searchable && q.Search != "" {
		return fail("search", "this loader cannot search")
	}
	return nil
}

// listLoader builds a loader over one Stripe list page.
func listLoader[T any](name, description, parent string, searchable bool,
	list func(ctx context.Context, c *stripe.Client, q LoadQuery, lp stripe.ListParams) (*stripe.List[T], error),
	choice func(*T) Choice) OptionLoader {
	l := OptionLoader{Name: name, Description: description, Parent: parent, Searchable: searchable}
	l.Load = func(ctx context.Context, c *stripe.Client, q LoadQuery) (*ChoicePage, error) {
		if err := l.check(&q); err != nil {
			return nil, err
		}
		lp := stripe.ListParams{Limit: &q.Limit}
		if q.Cursor != "" {
			lp.StartingAfter = &q.Cursor
		}
		page, err := list(ctx, c, q, lp)
		if err != nil {
			return nil, err
		}
		out := &ChoicePage{Choices: []Choice{}}
		for i := range page.Data {
			out.Choices = append(out.Choices, choice(&page.Data[i]))
		}
		if page.HasMore && len(out.Choices) > 0 {
			out.NextCursor = out.Choices[len(out.Choices)-1].Value
		}
		return out, nil
	}
	return l
}

// staticLoader pages through a fixed list of choices; the cursor is the
// last value shown.
func staticLoader(name, description string, all func() []Choice) OptionLoader {
	l := OptionLoader{Name: name, Description: description, Searchable: true}
	l.Load = func(_ context.Context, _ *stripe.Client, q LoadQuery) (*ChoicePage, error) {
		if err := l.check(&q); err != nil {
			return nil, err
		}
		var matching []Choice
		for _, ch := range all() {
			if q.Search == "" || strings.Contains(strings.ToLower(ch.Value+" "+ch.Label), strings.ToLower(q.Search)) {
				matching = append(matching, ch)
			}
		}
		start := 0
		if q.Cursor != "" {
			i := slices.IndexFunc(matching, func(ch Choice) bool { return ch.Value == q.Cursor })
			if i < 0 {
				return nil, &ConfigError{Action: "options." + name, Field: "cursor", Code: CodeInvalidValue, Reason: "is not a cursor of this loader"}
			}
			start = i + 1
		}
		end := min(start+int(q.Limit), len(matching))
		out := &ChoicePage{Choices: append([]Choice{}, matching[start:end]...)}
		if end < len(matching) && end > start {
			out.NextCursor = matching[end-1].Value
		}
		return out, nil
	}
	return l
}

// labelOf joins the non-empty parts of a label.
func labelOf(parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, " · ")
}

// amountLabel formats a minor-unit amount: 2000 usd is "20.00 USD". It
// assumes two decimals, which is right for most currencies and only a
// label.
func amountLabel(amount int64, currency string) string {
	sign := ""
	if amount < 0 {
		sign, amount = "-", -amount
	}
	return fmt.Sprintf("%s%d.%02d %s", sign, amount/100, amount%100, strings.ToUpper(currency))
}

func priceLabel(p *stripe.Price) string {
	amount := amountLabel(p.UnitAmount, p.Currency)
	if p.Recurring != nil {
		every := string(p.Recurring.Interval)
		if p.Recurring.IntervalCount > 1 {
			every = fmt.Sprintf("%d %ss", p.Recurring.IntervalCount, p.Recurring.Interval)
		}
		amount += " / " + every
	}
	return labelOf(p.Nickname, amount)
}

// commonCurrencies are the currencies the currency loader offers: the
// usual presentment currencies, not Stripe's full list.
var commonCurrencies = []Choice{
	{"usd", "USD · US dollar"}, {"eur", "EUR · Euro"}, {"gbp", "GBP · Pound sterling"},
	{"aud", "AUD · Australian dollar"}, {"cad", "CAD · Canadian dollar"}, {"chf", "CHF · Swiss franc"},
	{"jpy", "JPY · Japanese yen"}, {"cny", "CNY · Chinese yuan"}, {"hkd", "HKD · Hong Kong dollar"},
	{"sgd", "SGD · Singapore dollar"}, {"nzd", "NZD · New Zealand dollar"}, {"sek", "SEK · Swedish krona"},
	{"nok", "NOK · Norwegian krone"}, {"dkk", "DKK · Danish krone"}, {"pln", "PLN · Polish zloty"},
	{"czk", "CZK · Czech koruna"}, {"huf", "HUF · Hungarian forint"}, {"ron", "RON · Romanian leu"},
	{"bgn", "BGN · Bulgarian lev"}, {"inr", "INR · Indian rupee"}, {"brl", "BRL · Brazilian real"},
	{"mxn", "MXN · Mexican peso"}, {"zar", "ZAR · South African rand"}, {"aed", "AED · UAE dirham"},
	{"thb", "THB · Thai baht"}, {"myr", "MYR · Malaysian ringgit"}, {"idr", "IDR · Indonesian rupiah"},
	{"php", "PHP · Philippine peso"}, {"krw", "KRW · South Korean won"}, {"try", "TRY · Turkish lira"},
	{"ils", "ILS · Israeli new shekel"},
}

// OptionLoaders returns the dropdown loaders: customers (searchable by
// email), products, prices of a product, subscriptions, cards and payment
// methods of a customer, coupons, tax rates, currencies and webhook event
// types.
func OptionLoaders() []OptionLoader {
	return []OptionLoader{
		listLoader("customers", "Customers, newest first; search by exact email.", "", true,
			func(ctx context.Context, c *stripe.Client, q LoadQuery, lp stripe.ListParams) (*stripe.List[stripe.Customer], error) {
				p := &stripe.CustomerListParams{ListParams: lp}
				if q.Search != "" {
					p.Email = &q.Search
				}
				return c.Customers.List(ctx, p)
			},
			func(cus *stripe.Customer) Choice {
				return Choice{cus.ID, labelOf(cus.Name, cus.Email, cus.ID)}
			}),
		listLoader("products", "Active products, newest first.", "", false,
			func(ctx context.Context, c *stripe.Client, _ LoadQuery, lp stripe.ListParams) (*stripe.List[stripe.Product], error) {
				return c.Products.List(ctx, &stripe.ProductListParams{ListParams: lp, Active: stripe.Ptr(true)})
			},
			func(p *stripe.Product) Choice { return Choice{p.ID, labelOf(p.Name, p.ID)} }),
		listLoader("prices", "Active prices of a product, newest first.", "productId", false,
			func(ctx context.Context, c *stripe.Client, q LoadQuery, lp stripe.ListParams) (*stripe.List[stripe.Price], error) {
				return c.Prices.List(ctx, &stripe.PriceListParams{ListParams: lp, Product: &q.ParentID, Active: stripe.Ptr(true)})
			},
			func(p *stripe.Price) Choice { return Choice{p.ID, labelOf(priceLabel(p), p.ID)} }),
		listLoader("subscriptions", "Subscriptions of a customer, any status, newest first.", "customerId", false,
			func(ctx context.Context, c *stripe.Client, q LoadQuery, lp stripe.ListParams) (*stripe.List[stripe.Subscription], error) {
				return c.Subscriptions.List(ctx, &stripe.SubscriptionListParams{ListParams: lp, Customer: &q.ParentID,
					Status: stripe.Ptr(stripe.SubscriptionStatusAll)})
			},
			func(s *stripe.Subscription) Choice { return Choice{s.ID, labelOf(s.ID, string(s.Status))} }),
		listLoader("cards", "Cards saved on a customer.", "customerId", false,
			func(ctx context.Context, c *stripe.Client, q LoadQuery, lp stripe.ListParams) (*stripe.List[stripe.Card], error) {
				return c.Cards.List(ctx, q.ParentID, &stripe.CardListParams{ListParams: lp})
			},
			func(card *stripe.Card) Choice {
				return Choice{card.ID, labelOf(fmt.Sprintf("%s •••• %s", card.Brand, card.Last4),
					fmt.Sprintf("%02d/%d", card.ExpMonth, card.ExpYear))}
			}),
		listLoader("paymentMethods", "Payment methods saved on a customer.", "customerId", false,
			func(ctx context.Context, c *stripe.Client, q LoadQuery, lp stripe.ListParams) (*stripe.List[stripe.PaymentMethod], error) {
				return c.Customers.ListPaymentMethods(ctx, q.ParentID, &stripe.CustomerPaymentMethodListParams{ListParams: lp})
			},
			func(pm *stripe.PaymentMethod) Choice {
				if pm.Card != nil {
					return Choice{pm.ID, labelOf(fmt.Sprintf("%s •••• %s", pm.Card.Brand, pm.Card.Last4),
						fmt.Sprintf("%02d/%d", pm.Card.ExpMonth, pm.Card.ExpYear), pm.ID)}
				}
				return Choice{pm.ID, labelOf(string(pm.Type), pm.ID)}
			}),
		listLoader("coupons", "Coupons, newest first.", "", false,
			func(ctx context.Context, c *stripe.Client, _ LoadQuery, lp stripe.ListParams) (*stripe.List[stripe.Coupon], error) {
				return c.Coupons.List(ctx, &stripe.CouponListParams{ListParams: lp})
			},
			func(cp *stripe.Coupon) Choice {
				off := fmt.Sprintf("%g%% off", cp.PercentOff)
				if cp.AmountOff != 0 {
					off = amountLabel(cp.AmountOff, cp.Currency) + " off"
				}
				return Choice{cp.ID, labelOf(cp.Name, off, cp.ID)}
			}),
		listLoader("taxRates", "Active tax rates, newest first.", "", false,
			func(ctx context.Context, c *stripe.Client, _ LoadQuery, lp stripe.ListParams) (*stripe.List[stripe.TaxRate], error) {
				return c.TaxRates.List(ctx, &stripe.TaxRateListParams{ListParams: lp, Active: stripe.Ptr(true)})
			},
			func(tr *stripe.TaxRate) Choice {
				return Choice{tr.ID, labelOf(tr.DisplayName, fmt.Sprintf("%g%%", tr.Percentage), tr.Jurisdiction, tr.ID)}
			}),
		staticLoader("currencies", "Common currencies (ISO codes, lower case).", func() []Choice { return commonCurrencies }),
		staticLoader("eventTypes", "Webhook event types the SDK names.", func() []Choice {
			var out []Choice
			for _, t := range sdkEnums[reflect.TypeFor[stripe.EventType]()] {
				out = append(out, Choice{t, t})
			}
			return out
		}),
	}
}

// LoadOptions loads one page of the named loader's choices.
func LoadOptions(ctx context.Context, c *stripe.Client, loader string, q LoadQuery) (*ChoicePage, error) {
	for _, l := range OptionLoaders() {
		if l.Name == loader {
			if c == nil && l.Name != "currencies" && l.Name != "eventTypes" {
				return nil, fmt.Errorf("connector: nil *stripe.Client")
			}
			return l.Load(ctx, c, q)
		}
	}
	return nil, &ConfigError{Field: "loader", Code: CodeUnknownAction, Reason: fmt.Sprintf("unknown option loader %q", loader)}
}
