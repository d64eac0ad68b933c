package stripe

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"time"
)

// pollPageSize is the page size of every list request a Poller sends.
const pollPageSize = 100

// maxSeenIDs bounds PollCursor.SeenIDs. Only if more objects than this share
// one created second and the cursor object is then deleted can a poll
// repeat some of them.
const maxSeenIDs = 100

// PollCursor is where a [Poller] resumes: a small value to persist as JSON
// between runs of a connector and pass back to NewPoller after a restart.
//
// The zero PollCursor (PollFromNow) starts at the newest existing object;
// PollSince starts at a time. After a poll, LastID names the newest object
// delivered and Created its created time.
type PollCursor struct {
	// LastID is the newest object delivered (or, from PollFromNow, the newest
	// object that existed at the first poll). The next poll lists the objects
	// newer than it with ending_before.
	LastID string `json:"last_id,omitempty"`
	// Created is LastID's created time (Unix seconds). With no LastID, or if
	// LastID has been deleted, the next poll lists the objects created at or
	// after it instead.
	Created int64 `json:"created,omitempty"`
	// SeenIDs are the delivered objects whose created time equals Created
	// (at most 100), which a poll by created time skips.
	SeenIDs []string `json:"seen_ids,omitempty"`
}

// PollFromNow returns the cursor of a poller that starts now: its first poll
// records the newest existing object and delivers nothing; later polls
// deliver what was created after it. It depends on no clock, so clock skew
// between this machine and Stripe cannot lose objects. If the list is empty
// at the first poll, everything created afterwards is delivered.
// It is the zero PollCursor.
func PollFromNow() PollCursor { return PollCursor{} }

// PollSince returns the cursor of a poller whose first poll delivers every
// object created at or after t (whole seconds, as Stripe stores them), oldest
// first. A distant t makes that first poll fetch and hold many objects.
func PollSince(t time.Time) PollCursor {
	// Created 0 would mean "from now"; 1 is "since the beginning".
	return PollCursor{Created: max(t.Unix(), 1)}
}

// fromNow reports whether c is the zero cursor of PollFromNow.
func (c PollCursor) fromNow() bool { return c.LastID == "" && c.Created == 0 }

// advance returns the cursor after delivering an object. c is not changed.
func (c PollCursor) advance(id string, created int64) PollCursor {
	next := PollCursor{LastID: id, Created: created}
	if created == c.Created {
		next.SeenIDs = slices.Clone(c.SeenIDs)
	}
	next.SeenIDs = append(next.SeenIDs, id)
	if n := len(next.SeenIDs); n > maxSeenIDs {
		next.SeenIDs = next.SeenIDs[n-maxSeenIDs:]
	}
	return next
}

func (c PollCursor) clone() PollCursor {
	c.SeenIDs = slices.Clone(c.SeenIDs)
	return c
}

// PollListFunc fetches one page of a Stripe list, newest first, sending lp
// (limit, starting_after or ending_before) and, when not nil, created as the
// created filter. It is usually a closure around a service's List method.
type PollListFunc[T any] func(ctx context.Context, lp ListParams, created *RangeQuery) (*List[T], error)

// Poller delivers the new objects of a Stripe list exactly once each, oldest
// first, across any number of polls and restarts: the polling trigger of a
// connector ("new charge", "new customer", ...). T must have the ID and
// Created fields every Stripe object has.
//
// Each poll follows Stripe's cursors: it lists the objects newer than the
// newest one already delivered (ending_before, 100 per page, until has_more
// is false), and only when every page has arrived does it return them and
// move the cursor. A poll that fails returns the error and leaves the cursor
// where it was, so the next poll fetches the same objects again. If the
// cursor object has since been deleted (Stripe answers resource_missing), the
// poll lists by created time from the cursor's second instead, skipping the
// objects it already delivered.
//
// It relies on Stripe's list order, as Stripe's cursors do: an object that
// takes a list position older than the cursor object (created in the same
// second but listed before it, or becoming visible in the list late) is
// not delivered.
//
// Poll and Run must not overlap: one of them at a time per Poller (an
// overlapping call returns an error). Cursor may be called at any time from
// any goroutine.
type Poller[T any] struct {
	list    PollListFunc[T]
	idIndex []int // field index of T's ID
	crIndex []int // field index of T's Created
	err     error // a construction error, returned by every poll

	busy sync.Mutex // held while a Poll or Run is under way
	mu   sync.Mutex // guards cursor
	cur  PollCursor
}

// NewPoller returns a Poller over list that resumes at cursor: a cursor
// saved from Cursor, PollFromNow() or PollSince(t). For a list with no
// service method yet, list is a closure such as:
//
//	func(ctx context.Context, lp stripe.ListParams, created *stripe.RangeQuery) (*stripe.List[stripe.PaymentIntent], error) {
//		return c.PaymentIntents.List(ctx, &stripe.PaymentIntentListParams{ListParams: lp, Created: created})
//	}
//
// Charges, Refunds, Customers, Invoices and Events have a Poller method instead.
func NewPoller[T any](cursor PollCursor, list PollListFunc[T]) *Poller[T] {
	p := &Poller[T]{list: list, cur: cursor.clone()}
	if list == nil {
		p.err = errors.New("stripe: NewPoller: nil list function")
		return p
	}
	p.idIndex, p.crIndex, p.err = pollFields[T]()
	return p
}

// pollFields finds T's ID (string) and Created (int64) fields.
func pollFields[T any]() (id, created []int, err error) {
	t := reflect.TypeFor[T]()
	if t.Kind() == reflect.Struct {
		idf, okID := t.FieldByName("ID")
		crf, okCr := t.FieldByName("Created")
		if okID && okCr && idf.Type.Kind() == reflect.String && crf.Type.Kind() == reflect.Int64 {
			return idf.Index, crf.Index, nil
		}
	}
	return nil, nil, fmt.Errorf("stripe: cannot poll %v: it needs an ID string and a Created int64 field", t)
}

// newListPoller builds a Poller from a service's List method and the
// caller's filters (params may be nil; it is copied, never changed). The
// poller sets the list fields and Created itself, so params must leave them
// unset. It backs each service's Poller method.
func newListPoller[T any, P any, PP interface {
	*P
	listParams() *ListParams
}](cursor PollCursor, params PP, list func(context.Context, PP) (*List[T], error)) *Poller[T] {
	var base P
	if params != nil {
		base = *params
	}
	field := reflect.ValueOf(&base).Elem().FieldByName("Created")
	if !field.IsValid() || field.Type() != reflect.TypeFor[*RangeQuery]() {
		return &Poller[T]{err: fmt.Errorf("stripe: cannot poll with %T: it has no Created *RangeQuery field", params)}
	}
	if !field.IsNil() || *PP(&base).listParams() != (ListParams{}) {
		return &Poller[T]{err: errors.New("stripe: a poller sets Limit, StartingAfter, EndingBefore and Created itself: leave them unset in params")}
	}
	return NewPoller(cursor, func(ctx context.Context, lp ListParams, created *RangeQuery) (*List[T], error) {
		p := base // a fresh copy per request; base is never changed
		*PP(&p).listParams() = lp
		reflect.ValueOf(&p).Elem().FieldByName("Created").Set(reflect.ValueOf(created))
		return list(ctx, &p)
	})
}

// Cursor returns the position to persist: everything up to and including
// LastID has been delivered. During Run it moves object by object, after
// each call of fn that returned nil.
func (p *Poller[T]) Cursor() PollCursor {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.cur.clone()
}

func (p *Poller[T]) cursor() PollCursor {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.cur
}

func (p *Poller[T]) setCursor(c PollCursor) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.cur = c
}

var errPollerBusy = errors.New("stripe: Poller: a Poll or Run is already under way (use one goroutine per Poller)")

// Poll fetches the objects created since the last poll and returns them
// oldest first, moving the cursor past them. It sends at least one list
// request; with nothing new it returns no objects and a nil error. On an
// error it returns no objects and leaves the cursor unchanged.
//
// The cursor moves when Poll returns: persist Cursor after handling the
// objects, and a crash in between delivers them again on restart (at least
// once). The first poll from PollFromNow returns nothing.
func (p *Poller[T]) Poll(ctx context.Context) ([]*T, error) {
	if !p.busy.TryLock() {
		return nil, errPollerBusy
	}
	defer p.busy.Unlock()
	objs, next, err := p.fetch(ctx, p.cursor())
	if err != nil {
		return nil, err
	}
	p.setCursor(next)
	return objs, nil
}

// Run polls at once and then every interval until ctx ends, calling fn for
// each new object in order (oldest first, one at a time). The cursor moves
// past an object only when fn returns nil for it, so Cursor, read at any
// time (also from inside fn, where it still points before the object in
// hand), names exactly the objects fn has accepted. Saving Cursor at the
// start of each fn call, or after Run returns, makes a restart deliver again
// at most the object that was in hand (at least once); to never repeat one,
// record the object's effect and that cursor together.
//
// Run returns the first error of a poll or of fn (the rest of that poll's
// objects are fetched again by the next Poll or Run), or ctx's error when ctx
// ends; it never returns nil.
func (p *Poller[T]) Run(ctx context.Context, interval time.Duration, fn func(ctx context.Context, obj *T) error) error {
	if interval <= 0 || fn == nil {
		return fmt.Errorf("stripe: Poller.Run: needs a positive interval and a non-nil fn, got %v", interval)
	}
	if !p.busy.TryLock() {
		return errPollerBusy
	}
	defer p.busy.Unlock()
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-timer.C:
		}
		cur := p.cursor()
		objs, next, err := p.fetch(ctx, cur)
		if err != nil {
			return err
		}
		for _, obj := range objs {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := fn(ctx, obj); err != nil {
				return err
			}
			cur = cur.advance(p.idCreated(obj))
			p.setCursor(cur)
		}
		// The same cursor as the advances above; for the first poll from
		// now, which delivers nothing, the newest existing object.
		p.setCursor(next)
		timer.Reset(interval)
	}
}

func (p *Poller[T]) idCreated(obj *T) (string, int64) {
	v := reflect.ValueOf(obj).Elem()
	return v.FieldByIndex(p.idIndex).String(), v.FieldByIndex(p.crIndex).Int()
}

// fetch lists what is new after cur and returns it oldest first with the
// cursor that follows it. It changes nothing.
func (p *Poller[T]) fetch(ctx context.Context, cur PollCursor) ([]*T, PollCursor, error) {
	if p.err != nil {
		return nil, cur, p.err
	}
	switch {
	case cur.fromNow():
		return p.fetchNewest(ctx, cur)
	case cur.LastID != "":
		objs, err := p.fetchAfter(ctx, cur.LastID)
		if errors.Is(err, ErrNotFound) {
			// The cursor object is gone (Stripe answers 400 or 404
			// resource_missing): fall back to its created time, and keep
			// polling by created time until a new object becomes the cursor.
			cur.LastID = ""
			objs, err = p.fetchSince(ctx, cur)
		}
		return p.fold(cur, objs, err)
	default:
		objs, err := p.fetchSince(ctx, cur)
		return p.fold(cur, objs, err)
	}
}

// fold returns objs (oldest first) with the cursor advanced past them, or
// err and cur unchanged.
func (p *Poller[T]) fold(cur PollCursor, objs []*T, err error) ([]*T, PollCursor, error) {
	if err != nil {
		return nil, cur, err
	}
	next := cur
	for _, obj := range objs {
		id, created := p.idCreated(obj)
		if id == "" {
			return nil, cur, fmt.Errorf("stripe: Poller: list returned a %T without an ID", obj)
		}
		next = next.advance(id, created)
	}
	return objs, next, nil
}

// fetchNewest records the newest existing object as the cursor, with the
// other objects of its second as seen.
func (p *Poller[T]) fetchNewest(ctx context.Context, cur PollCursor) ([]*T, PollCursor, error) {
	page, err := p.list(ctx, ListParams{Limit: Ptr[int64](pollPageSize)}, nil)
	if err != nil {
		return nil, cur, err
	}
	if len(page.Data) == 0 {
		// Nothing exists yet, so everything to come is new.
		return nil, PollSince(time.Unix(1, 0)), nil
	}
	newest := page.Data[0]
	id, created := p.idCreated(&newest)
	if id == "" {
		return nil, cur, fmt.Errorf("stripe: Poller: list returned a %T without an ID", &newest)
	}
	next := PollCursor{LastID: id, Created: created}
	// Oldest first, so SeenIDs keeps the newest if the second overflows it.
	for i := len(page.Data) - 1; i >= 0; i-- {
		if oid, ocr := p.idCreated(&page.Data[i]); ocr == created {
			next = next.advance(oid, ocr)
		}
	}
	next.LastID = id
	return nil, next, nil
}

// fetchAfter lists every object newer than lastID: pages of up to 100
// objects immediately newer than the cursor, newest first, the next page
// ending before the newest object of this one; the walker reverses each
// page, so the objects come oldest first.
func (p *Poller[T]) fetchAfter(ctx context.Context, lastID string) ([]*T, error) {
	var objs []*T
	pages := walkPages(ctx, lastID, func(ctx context.Context, before string) (walkPage[T], error) {
		page, err := p.list(ctx, ListParams{Limit: Ptr[int64](pollPageSize), EndingBefore: Ptr(before)}, nil)
		if err != nil {
			return walkPage[T]{}, err
		}
		return listPage(page, true), nil
	})
	for obj, err := range pages {
		if err != nil {
			return nil, err
		}
		objs = append(objs, obj)
	}
	return objs, nil
}

// fetchSince lists every object created at or after cur.Created, skipping
// cur.SeenIDs, paging back from the newest with starting_after, and returns
// them oldest first.
func (p *Poller[T]) fetchSince(ctx context.Context, cur PollCursor) ([]*T, error) {
	var objs []*T
	pages := walkPages(ctx, "", func(ctx context.Context, after string) (walkPage[T], error) {
		lp := ListParams{Limit: Ptr[int64](pollPageSize)}
		if after != "" {
			lp.StartingAfter = Ptr(after)
		}
		page, err := p.list(ctx, lp, &RangeQuery{GTE: Ptr(cur.Created)})
		if err != nil {
			return walkPage[T]{}, err
		}
		return listPage(page, false), nil
	})
	for obj, err := range pages {
		if err != nil {
			return nil, err
		}
		id, created := p.idCreated(obj)
		if created < cur.Created || (created == cur.Created && slices.Contains(cur.SeenIDs, id)) {
			continue
		}
		objs = append(objs, obj)
	}
	slices.Reverse(objs)
	return objs, nil
}
