package stripetest

import (
	"sort"
	"strings"
)

// listOf builds a list object over the objects of kind that keep (which
// may be nil) returns true for, newest first, paged by limit,
// starting_after and ending_before.
func listOf[T record](s *Server, r *request, kind, url string, keep func(T) bool) (obj, error) {
	return s.listRecords(r, kind, url, func(rec record) bool { return keep == nil || keep(mustBe[T](rec)) })
}

func (s *Server) listRecords(r *request, kind, url string, keep func(record) bool) (obj, error) {
	f := r.form
	limit := int64(10)
	if n, ok := f.int("limit"); ok {
		if n < 1 || n > 100 {
			return nil, invalid("limit", "", "Invalid integer: %d. This value must be between 1 and 100.", n)
		}
		limit = n
	}
	created := f.rangeQuery("created")
	if err := f.failed(); err != nil {
		return nil, err
	}
	var all []record
	for _, rec := range s.st.kinds[kind] {
		if rec.base().Deleted || !created(createdOf(rec)) || !keep(rec) {
			continue
		}
		all = append(all, rec)
	}
	sort.SliceStable(all, func(i, j int) bool { return newer(all[i], all[j]) })

	after, hasAfter := f.str("starting_after")
	before, hasBefore := f.str("ending_before")
	var page []record
	hasMore := false
	switch {
	case hasAfter && after != "":
		cur, ok := s.st.lookup(after)
		if !ok || cur.base().Object != kind {
			return nil, notFound(strings.ReplaceAll(kind, "_", " "), after, "starting_after")
		}
		var rest []record
		for _, o := range all {
			if newer(cur, o) {
				rest = append(rest, o)
			}
		}
		page, hasMore = rest, int64(len(rest)) > limit
		if hasMore {
			page = rest[:limit]
		}
	case hasBefore && before != "":
		cur, ok := s.st.lookup(before)
		if !ok || cur.base().Object != kind {
			return nil, notFound(strings.ReplaceAll(kind, "_", " "), before, "ending_before")
		}
		var rest []record
		for _, o := range all {
			if newer(o, cur) {
				rest = append(rest, o)
			}
		}
		page, hasMore = rest, int64(len(rest)) > limit
		if hasMore {
			page = rest[int64(len(rest))-limit:]
		}
	default:
		page, hasMore = all, int64(len(all)) > limit
		if hasMore {
			page = all[:limit]
		}
	}
	var exp []string
	for _, e := range r.expand {
		if rest, ok := strings.CutPrefix(e, "data."); ok {
			exp = append(exp, rest)
		}
	}
	data := make([]any, len(page))
	for i, rec := range page {
		data[i] = s.render(rec, exp)
	}
	return obj{"object": "list", "data": data, "has_more": hasMore, "url": url}, nil
}

// newer reports whether a is listed before b: created later, or in the
// same second stored later.
func newer(a, b record) bool {
	ca, cb := createdOf(a), createdOf(b)
	if ca != cb {
		return ca > cb
	}
	return a.base().Seq > b.base().Seq
}

// embeddedPage is how many items an embedded list (an invoice's lines, a
// subscription's items) holds; has_more says whether its url has more.
const embeddedPage = 10

// listObject is an embedded list, like invoice.lines: the first
// embeddedPage items of data.
func listObject(url string, data []any) obj {
	if data == nil {
		data = []any{}
	}
	page, more := data, false
	if len(data) > embeddedPage {
		page, more = data[:embeddedPage], true
	}
	return obj{"object": "list", "data": page, "has_more": more, "url": url}
}

// pageSlice pages items, objects that are not stored on their own (an
// invoice's lines), by limit, starting_after and ending_before; id is an
// item's ID and render its response form.
func pageSlice[T any](r *request, items []T, url, kind string, id func(T) string, render func(T, []string) obj) (obj, error) {
	f := r.form
	limit := int64(10)
	if n, ok := f.int("limit"); ok {
		if n < 1 || n > 100 {
			return nil, invalid("limit", "", "Invalid integer: %d. This value must be between 1 and 100.", n)
		}
		limit = n
	}
	after, _ := f.str("starting_after")
	before, _ := f.str("ending_before")
	if err := f.failed(); err != nil {
		return nil, err
	}
	index := func(want, param string) (int, error) {
		for i, it := range items {
			if id(it) == want {
				return i, nil
			}
		}
		return 0, notFound(kind, want, param)
	}
	start, end := 0, len(items)
	switch {
	case after != "":
		i, err := index(after, "starting_after")
		if err != nil {
			return nil, err
		}
		start = i + 1
		end = min(len(items), start+int(limit))
	case before != "":
		i, err := index(before, "ending_before")
		if err != nil {
			return nil, err
		}
		end = i
		start = max(0, end-int(limit))
	default:
		end = min(len(items), int(limit))
	}
	more := end < len(items)
	if before != "" {
		more = start > 0
	}
	var exp []string
	for _, e := range r.expand {
		if rest, ok := strings.CutPrefix(e, "data."); ok {
			exp = append(exp, rest)
		}
	}
	data := make([]any, 0, end-start)
	for _, it := range items[start:end] {
		data = append(data, render(it, exp))
	}
	return obj{"object": "list", "data": data, "has_more": more, "url": url}, nil
}
