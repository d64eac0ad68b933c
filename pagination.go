package stripe

import (
	"context"
	"errors"
	"fmt"
	"iter"
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

// errEmptyPage stops a walk that would otherwise loop on a server that
// claims more results but sends none.
var errEmptyPage = errors.New("stripe: list page is empty but has_more is true")

// errStuckCursor stops a walk whose server returns the same page again.
var errStuckCursor = errors.New("stripe: list cursor did not advance")

// listAll walks every page of a list lazily: nothing is fetched before the
// sequence is ranged over, each range starts again from the caller's params
// (which are copied, never changed), and breaking out of the loop stops
// fetching. Pages go forward with starting_after, or backward with
// ending_before when the params set it; backward walks yield each page
// reversed, so items come in order moving away from the cursor.
// The first error is yielded once and ends the walk.
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
		for {
			page, err := fetch(ctx, pp)
			if err != nil {
				yield(nil, err)
				return
			}
			n := len(page.Data)
			if n == 0 {
				if page.HasMore {
					yield(nil, errEmptyPage)
				}
				return
			}
			for i := range n {
				j := i
				if backward {
					j = n - 1 - i
				}
				if !yield(&page.Data[j], nil) {
					return
				}
			}
			if !page.HasMore {
				return
			}
			last := &page.Data[n-1]
			if backward {
				last = &page.Data[0]
			}
			id, err := objectID(last)
			if err != nil {
				yield(nil, err)
				return
			}
			cursor := &lp.StartingAfter
			if backward {
				cursor = &lp.EndingBefore
			}
			if *cursor != nil && **cursor == id {
				yield(nil, errStuckCursor)
				return
			}
			*cursor = &id
		}
	}
}

// objectID reads the ID field every listable Stripe object has.
func objectID[T any](v *T) (string, error) {
	f := reflect.ValueOf(v).Elem().FieldByName("ID")
	if !f.IsValid() || f.Kind() != reflect.String || f.String() == "" {
		return "", fmt.Errorf("stripe: cannot page past a %T without an ID", v)
	}
	return f.String(), nil
}
