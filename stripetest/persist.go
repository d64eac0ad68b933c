package stripetest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"

	stripe "github.com/stripelite/stripe"
)

// State files.
//
// Save writes the server's state (every account's objects, including
// deleted customers, internal fields and creation order, balances, and the
// saved answers to Idempotency-Keys) as one JSON document; Load replaces
// the state with one. Webhook queues and fault switches are not part of
// the state.
// SaveFile writes atomically: a crash leaves the old file or the new one,
// never half of one.

// stateVersion is the format of a state file; Load refuses others.
const stateVersion = 2

// stateFile is the JSON document Save writes.
type stateFile struct {
	Version    int                   `json:"version"`
	APIVersion string                `json:"api_version"`
	Platform   *storeState           `json:"platform"`
	Accounts   map[string]storeState `json:"accounts,omitempty"`
	// Idempotency holds the saved answers to Idempotency-Keys, so a retry
	// after a restart still gets the first answer.
	Idempotency []idemState `json:"idempotency,omitempty"`
}

// storeState is one account's objects and balance in a state file.
type storeState struct {
	Seq     int64                     `json:"seq"`
	Objects []json.RawMessage         `json:"objects"` // in creation order
	Balance map[string]balanceAmounts `json:"balance,omitempty"`
}

// MarshalJSON and UnmarshalJSON let a balance be saved.
func (b balanceAmounts) MarshalJSON() ([]byte, error) {
	return json.Marshal(map[string]int64{"available": b.available, "pending": b.pending})
}

func (b *balanceAmounts) UnmarshalJSON(data []byte) error {
	var m map[string]int64
	if err := json.Unmarshal(data, &m); err != nil {
		return err
	}
	b.available, b.pending = m["available"], m["pending"]
	return nil
}

func (st *store) state() (storeState, error) {
	var all []record
	for _, list := range st.kinds {
		all = append(all, list...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].base().Seq < all[j].base().Seq })
	objects := make([]json.RawMessage, len(all))
	for i, rec := range all {
		b, err := json.Marshal(rec) // internal fields included
		if err != nil {
			return storeState{}, fmt.Errorf("stripetest: save state: %s: %w", rec.base().ID, err)
		}
		objects[i] = b
	}
	bal := make(map[string]balanceAmounts, len(st.balance))
	for c, b := range st.balance {
		bal[c] = *b
	}
	return storeState{Seq: st.seq, Objects: objects, Balance: bal}, nil
}

// Save writes the server's state to w as JSON.
func (s *Server) Save(w io.Writer) error {
	b, err := s.marshalState()
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

func (s *Server) marshalState() ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, err := s.platform.state()
	if err != nil {
		return nil, err
	}
	f := stateFile{Version: stateVersion, APIVersion: stripe.APIVersion, Platform: &p, Idempotency: s.idem.state()}
	sort.Slice(f.Idempotency, func(i, j int) bool { return f.Idempotency[i].Scope < f.Idempotency[j].Scope })
	if len(s.accounts) > 0 {
		f.Accounts = make(map[string]storeState, len(s.accounts))
		for id, st := range s.accounts {
			if f.Accounts[id], err = st.state(); err != nil {
				return nil, err
			}
		}
	}
	return json.Marshal(f)
}

// SaveFile writes the state to path atomically: to a temporary file in the
// same directory, synced, then renamed over path.
func (s *Server) SaveFile(path string) error {
	// One save at a time, snapshot and write together, so a later state
	// is never overwritten by an earlier one.
	s.saveMu.Lock()
	defer s.saveMu.Unlock()
	b, err := s.marshalState()
	if err != nil {
		return err
	}
	return writeFileAtomic(path, b)
}

func writeFileAtomic(path string, b []byte) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("stripetest: save state: %w", err)
	}
	defer func() {
		if err != nil {
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(b); err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("stripetest: save state: %w", err)
	}
	return nil
}

// Load replaces the server's state with one Save wrote. On an error the
// state is unchanged.
func (s *Server) Load(r io.Reader) error {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	var f stateFile
	if err := dec.Decode(&f); err != nil {
		return fmt.Errorf("stripetest: load state: %w", err)
	}
	if f.Version != stateVersion {
		return fmt.Errorf("stripetest: load state: version %d, want %d", f.Version, stateVersion)
	}
	if f.Platform == nil {
		return errors.New("stripetest: load state: no platform")
	}
	platform, err := loadStore(*f.Platform, "")
	if err != nil {
		return err
	}
	accounts := make(map[string]*store, len(f.Accounts))
	for id, ss := range f.Accounts {
		if accounts[id], err = loadStore(ss, id); err != nil {
			return err
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.platform, s.st, s.accounts = platform, platform, accounts
	s.idem.load(f.Idempotency)
	return nil
}

// LoadFile loads the state in path (see Load).
func (s *Server) LoadFile(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("stripetest: load state: %w", err)
	}
	return s.Load(bytes.NewReader(b))
}

func loadStore(ss storeState, account string) (*store, error) {
	st := newStore()
	st.account, st.seq = account, ss.Seq
	for i, raw := range ss.Objects {
		rec, err := loadRecord(raw)
		if err != nil {
			return nil, fmt.Errorf("stripetest: load state: object %d: %w", i, err)
		}
		id, kind := rec.base().ID, rec.base().Object
		if _, dup := st.byID[id]; dup {
			return nil, fmt.Errorf("stripetest: load state: %s twice", id)
		}
		st.byID[id] = rec
		st.kinds[kind] = append(st.kinds[kind], rec)
	}
	for c, b := range ss.Balance {
		b := b
		st.balance[c] = &b
	}
	return st, nil
}

// loadRecord decodes one saved object into its kind's type.
func loadRecord(raw json.RawMessage) (record, error) {
	var head struct {
		ID     string `json:"id"`
		Object string `json:"object"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return nil, err
	}
	if head.ID == "" || head.Object == "" {
		return nil, errors.New("no id or object")
	}
	rec := newRecord(head.Object)
	if rec == nil {
		return nil, fmt.Errorf("%s: unknown kind %q", head.ID, head.Object)
	}
	if err := json.Unmarshal(raw, rec); err != nil {
		return nil, fmt.Errorf("%s: %w", head.ID, err)
	}
	return rec, nil
}

// numbers turns the json.Numbers of a decoded tree into int64 (the type the
// server keeps amounts and times in) or, for a fraction, float64.
func numbers(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = numbers(e)
		}
	case []any:
		for i, e := range x {
			x[i] = numbers(e)
		}
	case json.Number:
		if n, err := strconv.ParseInt(string(x), 10, 64); err == nil {
			return n
		}
		f, _ := x.Float64()
		return f
	}
	return v
}

// WithStateFile keeps the server's state in path: New loads it when the
// file exists, and every request that may have changed the state, and
// Close, save it (atomically) before answering. A failure to save goes to
// onErr (which may be nil). WithDemoData seeds only when there is no file
// yet. New panics when the file exists but cannot be loaded; check it first
// with LoadFile on a throwaway server to handle that error.
func WithStateFile(path string, onErr func(error)) Option {
	return func(s *Server) {
		s.statePath, s.stateErr = path, onErr
	}
}

// autoSave saves the state to the WithStateFile path.
func (s *Server) autoSave() {
	if s.statePath == "" {
		return
	}
	if err := s.SaveFile(s.statePath); err != nil && s.stateErr != nil {
		s.stateErr(err)
	}
}

// loadStateFile loads the WithStateFile path if it exists.
func (s *Server) loadStateFile() (loaded bool, err error) {
	if s.statePath == "" {
		return false, nil
	}
	if _, err := os.Stat(s.statePath); errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	return true, s.LoadFile(s.statePath)
}
