package stripetest

import (
	"crypto/rand"
)

// store is the state of one account: its objects by ID and by kind (in
// creation order) and its balance. Callers hold Server.mu.
type store struct {
	account string // "" for the platform
	seq     int64
	byID    map[string]record
	kinds   map[string][]record        // creation order
	balance map[string]*balanceAmounts // by currency
}

// count is how many objects of kind the store holds, deleted ones excluded.
func (st *store) count(kind string) int {
	n := 0
	for _, rec := range st.kinds[kind] {
		if !rec.base().Deleted {
			n++
		}
	}
	return n
}

func newStore() *store {
	return &store{byID: make(map[string]record), kinds: make(map[string][]record), balance: make(map[string]*balanceAmounts)}
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

// insert stores a new object under its ID and kind, stamping its place in
// creation order and its store time.
func (s *Server) insert(rec record) {
	s.st.seq++
	m := rec.base()
	m.Seq, m.Stored = s.st.seq, s.unix()
	s.st.byID[m.ID] = rec
	s.st.kinds[m.Object] = append(s.st.kinds[m.Object], rec)
	if s.inserted != nil {
		*s.inserted = append(*s.inserted, insertion{s.st, rec})
	}
}

// keepInserted makes the objects the running request stored so far stay
// even if it fails: for changes that only bring the state up to date
// (settlePayouts), which any request may make.
func (s *Server) keepInserted() {
	if s.inserted != nil {
		*s.inserted = (*s.inserted)[:0]
	}
}

// insertion is an object a request stored, and the store it went to.
type insertion struct {
	st  *store
	rec record
}

// remove drops an object from the store (deleting through the API marks it
// Deleted instead, where Stripe keeps answering for it).
func (s *Server) remove(rec record) {
	m := rec.base()
	delete(s.st.byID, m.ID)
	list := s.st.kinds[m.Object]
	for i, x := range list {
		if x.base().ID == m.ID {
			s.st.kinds[m.Object] = append(list[:i:i], list[i+1:]...)
			break
		}
	}
}

// lookup returns the stored object with id, deleted ones included.
func (st *store) lookup(id string) (record, bool) {
	rec, ok := st.byID[id]
	return rec, ok
}

// dropKind removes every object of kind.
func (st *store) dropKind(kind string) {
	for _, rec := range st.kinds[kind] {
		delete(st.byID, rec.base().ID)
	}
	delete(st.kinds, kind)
}
