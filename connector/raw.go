package connector

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/stripelite/stripe"
)

// Run's output is the JSON Stripe sent, not our typed objects marshalled
// again: null stays null, fields the SDK does not model are kept, and
// nothing is added or redacted (a PaymentIntent's client_secret is the
// caller's to hand to its front end; the client never logs it). The typed
// result of an action's SDK call only says which of the responses to
// output.

// allPages is what a returnAll list action returns: output one list object
// holding the objects of every page fetched, in order, as Stripe sent them.
type allPages struct{}

// responses collects the 2xx bodies of one Run's calls, in order.
type responses struct {
	mu     sync.Mutex
	bodies [][]byte
}

func (r *responses) add(resp *stripe.Response) {
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return
	}
	r.mu.Lock()
	r.bodies = append(r.bodies, resp.Body)
	r.mu.Unlock()
}

// output turns an action's typed result into Run's output: JSON the action
// built itself (json.RawMessage) as it is, all pages of a returnAll walk
// as one list object, otherwise the body of the last response.
func (r *responses) output(out any) (any, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch out.(type) {
	case json.RawMessage:
		return out, nil
	case allPages:
		return joinPages(r.bodies)
	}
	if len(r.bodies) == 0 {
		return nil, errors.New("connector: no response body to output")
	}
	return json.RawMessage(r.bodies[len(r.bodies)-1]), nil
}

// joinPages makes one list object of the pages' objects: the first page's
// fields (object, url), data from every page, has_more false.
func joinPages(pages [][]byte) (any, error) {
	if len(pages) == 0 {
		return nil, errors.New("connector: returnAll fetched no page")
	}
	var first map[string]json.RawMessage
	if err := json.Unmarshal(pages[0], &first); err != nil {
		return nil, fmt.Errorf("connector: reading a list page: %w", err)
	}
	var data []json.RawMessage
	for _, p := range pages {
		var page struct {
			Data []json.RawMessage `json:"data"`
		}
		if err := json.Unmarshal(p, &page); err != nil {
			return nil, fmt.Errorf("connector: reading a list page: %w", err)
		}
		data = append(data, page.Data...)
	}
	if data == nil {
		data = []json.RawMessage{}
	}
	var err error
	if first["data"], err = json.Marshal(data); err != nil {
		return nil, err
	}
	first["has_more"] = json.RawMessage("false")
	delete(first, "next_page") // a search result's cursor
	return rawJSON(first)
}

// rawJSON marshals v for output.
func rawJSON(v any) (any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return json.RawMessage(bytes.TrimSpace(b)), nil
}
