package stripetest

import (
	"crypto/rand"
	"strings"
)

// store is the state of one account: its objects by ID and by kind (in
// creation order) and its balance. Callers hold Server.mu.
type store struct {
	account string // "" for the platform
	seq     int64
	byID    map[string]obj
	kinds   map[string][]obj           // creation order
	balance map[string]*balanceAmounts // by currency
}

// count is how many objects of kind the store holds, deleted ones excluded.
func (st *store) count(kind string) int {
	n := 0
	for _, o := range st.kinds[kind] {
		if o["deleted"] != true {
			n++
		}
	}
	return n
}

func newStore() *store {
	return &store{byID: make(map[string]obj), kinds: make(map[string][]obj), balance: make(map[string]*balanceAmounts)}
}

const idAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

func randomID(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = idAlphabet[int(b[i])%len(idAlphabet)]
	}
	return string(b)
}

func (s *Server) newID(prefix string) string {
	if id, ok := s.fixedIDs[prefix]; ok {
		delete(s.fixedIDs, prefix)
		return id
	}
	for {
		id := prefix + "_" + randomID(14)
		if _, taken := s.st.byID[id]; !taken {
			return id
		}
	}
}

// unix is the current time in Unix seconds: the server clock's, or during
// a request about a test clock's customer, or an advance, the test clock's.
func (s *Server) unix() int64 {
	if s.at != 0 {
		return s.at
	}
	return s.now().Unix()
}

// insert stores a new object of kind (its "object" field) under its id,
// stamping the creation order.
func (s *Server) insert(o obj) obj {
	s.st.seq++
	o["_seq"] = s.st.seq
	kind := str(o, "object")
	s.st.byID[str(o, "id")] = o
	s.st.kinds[kind] = append(s.st.kinds[kind], o)
	return o
}

// remove drops an object from the store.
func (s *Server) remove(o obj) {
	id := str(o, "id")
	delete(s.st.byID, id)
	kind := str(o, "object")
	list := s.st.kinds[kind]
	for i, x := range list {
		if x["id"] == id {
			s.st.kinds[kind] = append(list[:i:i], list[i+1:]...)
			break
		}
	}
}

// get finds an object of kind by id, or returns a 404 naming it.
func (s *Server) get(kind, id string) (obj, error) {
	o, ok := s.st.byID[id]
	if !ok || o["object"] != kind || o["deleted"] == true {
		return nil, notFound(strings.ReplaceAll(kind, "_", " "), id, "id")
	}
	return o, nil
}

// Checked accessors for stored objects: a missing field or one of another
// type reads as the zero value instead of panicking.

// str returns o[k] if it is a string, else "".
func str(o obj, k string) string {
	v, _ := o[k].(string)
	return v
}

// num returns o[k] if it is an int64, else 0.
func num(o obj, k string) int64 {
	v, _ := o[k].(int64)
	return v
}

// objAt returns o[k] if it is an object, else nil (which reads as empty;
// writing to it panics, which runHandler turns into a 500).
func objAt(o obj, k string) obj {
	v, _ := o[k].(obj)
	return v
}

// cloneObj deep-copies o without its internal ("_") keys.
func cloneObj(o obj) obj {
	c, _ := deepCopy(o).(obj)
	return c
}

// subItems returns the stored subscription items of a subscription.
func subItems(sub obj) []obj {
	items, _ := sub["_items"].([]obj)
	return items
}

// lookup returns the stored object with id, deleted ones included.
func (st *store) lookup(id string) (obj, bool) {
	o, ok := st.byID[id]
	return o, ok
}

// all returns the stored objects of kind in creation order. The slice is
// the store's: callers must not change it (remove may, so copy it before
// removing while ranging).
func (st *store) all(kind string) []obj { return st.kinds[kind] }

// dropKind removes every object of kind.
func (st *store) dropKind(kind string) {
	for _, o := range st.kinds[kind] {
		delete(st.byID, str(o, "id"))
	}
	delete(st.kinds, kind)
}
