package stripe

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"reflect"
)

// ListParams is embedded in every list params type. Stripe lists are newest
// first; StartingAfter pages forward (older), EndingBefore backward (newer).
type ListParams struct {
	// Limit is the page size, 1 to 100 (Stripe's default is 10).
	Limit *int64 `url:"limit,omitempty"`
	// StartingAfter is the ID of the object the page starts after.
	StartingAfter *string `url:"starting_after,omitempty"`
	// EndingBefore is the ID of the object the page ends before.
	EndingBefore *string `url:"ending_before,omitempty"`
}

func (p *ListParams) listParams() *ListParams { return p }

// List is one page of a Stripe list.
type List[T any] struct {
	Object  string `json:"object"`
	Data    []T    `json:"data"`
	HasMore bool   `json:"has_more"`
	URL     string `json:"url"`
}

// SearchParams is embedded in every search params type. Query uses
// Stripe's search query language:
// https://docs.stripe.com/search#search-query-language
type SearchParams struct {
	// Query is the search query, such as "email:'jenny@example.com'".
	Query string `url:"query"`
	// Limit is the page size, 1 to 100 (Stripe's default is 10).
	Limit *int64 `url:"limit,omitempty"`
	// Page is the cursor of the page to fetch: a previous result's NextPage.
	Page *string `url:"page,omitempty"`
}

func (p *SearchParams) searchParams() *SearchParams { return p }

// SearchResult is one page of Stripe search results. Search results are
// paged with NextPage, not with object IDs.
type SearchResult[T any] struct {
	Object   string  `json:"object"`
	Data     []T     `json:"data"`
	HasMore  bool    `json:"has_more"`
	NextPage *string `json:"next_page"`
	URL      string  `json:"url"`
}

// The walker's guards, one per way a server can make a walk loop forever.
var (
	// errEmptyPage stops a walk whose server claims more results but
	// sends none.
	errEmptyPage = errors.New("stripe: list page is empty but has_more is true")
	// errStuckCursor stops a walk whose server returns the same page again.
	errStuckCursor = errors.New("stripe: list cursor did not advance")
	// errNoCursor stops a walk whose page has more results but no way to
	// ask for them: a last object without an ID, or no next_page.
	errNoCursor = errors.New("stripe: page has more results but no cursor to fetch them (an object without an ID, or no next_page)")
)

// walkPage is one page as the walker sees it: the items, yielded last to
// first if reverse is set, whether more follow, and the cursor that fetches
// the next page ("" if the page has none).
type walkPage[T any] struct {
	items   []T
	reverse bool
	hasMore bool
	next    string
}

// walkPages is the one page walker behind every All, ListAll, SearchAll
// and Poller. fetch gets the page after cursor (start for the first page,
// "" meaning none). Nothing is fetched before the sequence is ranged over;
// breaking out stops fetching; the first error is yielded once and ends the
// walk, including the guards against a server that would keep it going
// forever: an empty page with has_more, a cursor that does not advance, a
// page with has_more but no cursor.
func walkPages[T any](ctx context.Context, start string, fetch func(ctx context.Context, cursor string) (walkPage[T], error)) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		cursor := start
		for {
			page, err := fetch(ctx, cursor)
			if err != nil {
				yield(nil, err)
				return
			}
			if len(page.items) == 0 {
				if page.hasMore {
					yield(nil, errEmptyPage)
				}
				return
			}
			n := len(page.items)
			for i := range n {
				j := i
				if page.reverse {
					j = n - 1 - i
				}
				if !yield(&page.items[j], nil) {
					return
				}
			}
			switch {
			case !page.hasMore:
				return
			case page.next == "":
				yield(nil, errNoCursor)
				return
			case page.next == cursor:
				yield(nil, errStuckCursor)
				return
			}
			cursor = page.next
		}
	}
}

// listPage turns a list page into a walkPage. A backward page (the walk
// uses ending_before) is yielded last to first, so items come in order
// moving away from the cursor; the next cursor is the last item yielded.
// The page is not changed.
func listPage[T any](page *List[T], backward bool) walkPage[T] {
	wp := walkPage[T]{items: page.Data, reverse: backward, hasMore: page.HasMore}
	if n := len(page.Data); n > 0 && page.HasMore {
		last := &page.Data[n-1]
		if backward {
			last = &page.Data[0]
		}
		wp.next, _ = objectID(last)
	}
	return wp
}

// searchPage turns a search result page into a walkPage.
func searchPage[T any](page *SearchResult[T]) walkPage[T] {
	wp := walkPage[T]{items: page.Data, hasMore: page.HasMore}
	if page.NextPage != nil {
		wp.next = *page.NextPage
	}
	return wp
}

// listAll walks every page of a list lazily: each range starts again from
// the caller's params (which are copied, never changed). Pages go forward
// with starting_after, or backward with ending_before when the params set
// it; backward walks yield each page reversed, so items come in order
// moving away from the cursor. See walkPages.
func listAll[T any, P any, PP interface {
	*P
	listParams() *ListParams
}](ctx context.Context, params PP, fetch func(context.Context, PP) (*List[T], error)) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		var p P
		if params != nil {
			p = *params
		}
		pp := PP(&p)
		lp := pp.listParams()
		backward := lp.EndingBefore != nil
		cursor := &lp.StartingAfter
		if backward {
			cursor = &lp.EndingBefore
		}
		start := ""
		if *cursor != nil {
			start = **cursor
		}
		pages := walkPages(ctx, start, func(ctx context.Context, c string) (walkPage[T], error) {
			if c != "" {
				*cursor = &c
			}
			page, err := fetch(ctx, pp)
			if err != nil {
				return walkPage[T]{}, err
			}
			return listPage(page, backward), nil
		})
		for item, err := range pages {
			if !yield(item, err) {
				return
			}
		}
	}
}

// searchAll walks every page of search results lazily, like listAll, with
// Stripe's next_page cursor.
func searchAll[T any, P any, PP interface {
	*P
	searchParams() *SearchParams
}](ctx context.Context, params PP, fetch func(context.Context, PP) (*SearchResult[T], error)) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		var p P
		if params != nil {
			p = *params
		}
		pp := PP(&p)
		sp := pp.searchParams()
		start := ""
		if sp.Page != nil {
			start = *sp.Page
		}
		pages := walkPages(ctx, start, func(ctx context.Context, c string) (walkPage[T], error) {
			if c != "" {
				sp.Page = &c
			}
			page, err := fetch(ctx, pp)
			if err != nil {
				return walkPage[T]{}, err
			}
			return searchPage(page), nil
		})
		for item, err := range pages {
			if !yield(item, err) {
				return
			}
		}
	}
}

// ListAll walks every object of any Stripe list endpoint, for lists this
// package has no service for, the way a service's All does: lazily, page by
// page with starting_after (or backward with ending_before when params set
// it), through [Client.Do]. params is what Do accepts (nil, a params struct
// pointer, url.Values) and is never changed. T is the listed object; it
// must have an ID field, which pages the list:
//
//	type TaxCode struct {
//		ID   string `json:"id"`
//		Name string `json:"name"`
//	}
//	for tc, err := range stripe.ListAll[TaxCode](ctx, c, "/v1/tax_codes", nil) { ... }
func ListAll[T any](ctx context.Context, c *Client, path string, params any) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		if c == nil {
			yield(nil, errors.New("stripe: ListAll: nil *Client"))
			return
		}
		form, p, err := encodeParams(params)
		if err != nil {
			yield(nil, err)
			return
		}
		key, backward := "starting_after", false
		if form.Get("ending_before") != "" {
			key, backward = "ending_before", true
		}
		pages := walkPages(ctx, form.Get(key), func(ctx context.Context, cursor string) (walkPage[T], error) {
			page := new(List[T])
			if err := c.call(ctx, http.MethodGet, path, withFormValue(form, p, key, cursor), page); err != nil {
				return walkPage[T]{}, err
			}
			return listPage(page, backward), nil
		})
		for item, err := range pages {
			if !yield(item, err) {
				return
			}
		}
	}
}

// SearchAll walks every result of any Stripe search endpoint (such as
// "/v1/customers/search"), page by page with next_page, through
// [Client.Do]. params is what Do accepts and must carry the query, for
// example &stripe.SearchParams{Query: "email:'jenny@example.com'"}.
func SearchAll[T any](ctx context.Context, c *Client, path string, params any) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		if c == nil {
			yield(nil, errors.New("stripe: SearchAll: nil *Client"))
			return
		}
		form, p, err := encodeParams(params)
		if err != nil {
			yield(nil, err)
			return
		}
		pages := walkPages(ctx, form.Get("page"), func(ctx context.Context, cursor string) (walkPage[T], error) {
			page := new(SearchResult[T])
			if err := c.call(ctx, http.MethodGet, path, withFormValue(form, p, "page", cursor), page); err != nil {
				return walkPage[T]{}, err
			}
			return searchPage(page), nil
		})
		for item, err := range pages {
			if !yield(item, err) {
				return
			}
		}
	}
}

// withFormValue returns the params of one request: form (not changed) with key
// set to value, if value is not empty.
func withFormValue(form url.Values, p *Params, key, value string) *encodedForm {
	if value == "" {
		return &encodedForm{form: form, p: p}
	}
	f := make(url.Values, len(form)+1)
	for k, v := range form {
		f[k] = v
	}
	f.Set(key, value)
	return &encodedForm{form: f, p: p}
}

// objectID reads the ID field every listable Stripe object has.
func objectID[T any](v *T) (string, error) {
	f := reflect.ValueOf(v).Elem().FieldByName("ID")
	if !f.IsValid() || f.Kind() != reflect.String || f.String() == "" {
		return "", fmt.Errorf("stripe: cannot page past a %T without an ID", v)
	}
	return f.String(), nil
}
