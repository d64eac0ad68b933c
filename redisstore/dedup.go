package redisstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/stripelite/stripe"
)

// DefaultClaimTTL is how long a claim on an event lives in Redis without
// being renewed. The process handling the event renews it while the
// callback runs, so only a claimant that died (or lost Redis) lets it lapse;
// then the next delivery of the event claims it again.
const DefaultClaimTTL = 30 * time.Second

// Values of an event's key.
const (
	claimPrefix = "claim:" // followed by the claimant's token
	doneValue   = "done"
)

// claimScript: KEYS[1] the event's key; ARGV[1] the claim value; ARGV[2]
// the claim TTL in ms. Returns 1 claimed, 2 already done, 3 in progress.
var claimScript = redis.NewScript(`
local v = redis.call('GET', KEYS[1])
if not v then
	redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
	return 1
end
if v == 'done' then return 2 end
return 3
`)

// ifClaimedScript renews (ARGV[2] = 'renew', ARGV[3] = TTL in ms) or
// deletes (ARGV[2] = 'release') the event's key if it still holds our
// claim ARGV[1]. Returns 1 if it did.
var ifClaimedScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] == 'renew' then
	redis.call('PEXPIRE', KEYS[1], ARGV[3])
else
	redis.call('DEL', KEYS[1])
end
return 1
`)

// DedupStore is a stripe.WebhookDedupStore in Redis, shared by every
// webhook handler instance using the same Redis and prefix; it behaves as
// stripe.MemoryDedupStore does. Claim sets the event's key if it is free;
// while the callback runs this process renews the claim; Done replaces it
// with a marker that expires after the dedup window; Release deletes it.
// If the claimant dies, its claim expires after the claim TTL and the next
// delivery runs the callback. Every Redis error is returned, so the handler
// answers 500 and Stripe delivers the event again later: an event is never
// dropped, and never run by two instances at once.
type DedupStore struct {
	rdb      redis.UniversalClient
	o        options
	claimTTL time.Duration

	mu     sync.Mutex
	claims map[string]*claim // event ID -> the claim this process holds
}

type claim struct {
	value string
	stop  chan struct{}
	done  chan struct{} // closed when the renewer has stopped
}

// NewDedupStore returns a DedupStore on rdb whose claims lapse after
// claimTTL without renewal (DefaultClaimTTL when claimTTL <= 0).
func NewDedupStore(rdb redis.UniversalClient, claimTTL time.Duration, opts ...Option) (*DedupStore, error) {
	if rdb == nil {
		return nil, errors.New("redisstore: NewDedupStore: nil Redis client")
	}
	if claimTTL <= 0 {
		claimTTL = DefaultClaimTTL
	}
	if claimTTL < 3*time.Millisecond {
		return nil, fmt.Errorf("redisstore: NewDedupStore: claim TTL %v is too short", claimTTL)
	}
	return &DedupStore{rdb: rdb, o: newOptions(opts), claimTTL: claimTTL, claims: map[string]*claim{}}, nil
}

func (s *DedupStore) key(eventID string) string {
	return s.o.prefix + "webhook:" + tag(eventID)
}

// Claim implements stripe.WebhookDedupStore.
func (s *DedupStore) Claim(ctx context.Context, eventID string) (stripe.WebhookClaim, error) {
	value := claimPrefix + newToken()
	res, err := claimScript.Run(ctx, s.rdb, []string{s.key(eventID)}, value, s.claimTTL.Milliseconds()).Int()
	if err != nil {
		return 0, fmt.Errorf("redisstore: claiming event: %w", err)
	}
	switch res {
	case 1:
		s.renew(eventID, value)
		return stripe.WebhookClaimed, nil
	case 2:
		return stripe.WebhookAlreadyDone, nil
	case 3:
		return stripe.WebhookInProgress, nil
	}
	return 0, fmt.Errorf("redisstore: claiming event: unexpected reply %d", res)
}

// Done implements stripe.WebhookDedupStore.
func (s *DedupStore) Done(ctx context.Context, eventID string, window time.Duration) error {
	s.stop(eventID)
	if window < time.Millisecond {
		window = time.Millisecond
	}
	if err := s.rdb.Set(ctx, s.key(eventID), doneValue, window).Err(); err != nil {
		return fmt.Errorf("redisstore: marking event done: %w", err)
	}
	return nil
}

// Release implements stripe.WebhookDedupStore.
func (s *DedupStore) Release(ctx context.Context, eventID string) error {
	c := s.stop(eventID)
	if c == nil {
		return nil // not claimed here (or already done)
	}
	if err := ifClaimedScript.Run(ctx, s.rdb, []string{s.key(eventID)}, c.value, "release").Err(); err != nil {
		return fmt.Errorf("redisstore: releasing event: %w", err)
	}
	return nil
}

// renew keeps this process's claim alive until Done or Release.
func (s *DedupStore) renew(eventID, value string) {
	c := &claim{value: value, stop: make(chan struct{}), done: make(chan struct{})}
	s.mu.Lock()
	old := s.claims[eventID]
	s.claims[eventID] = c
	s.mu.Unlock()
	if old != nil { // our earlier claim lapsed and was taken again
		close(old.stop)
	}
	go func() {
		defer close(c.done)
		tick := time.NewTicker(s.claimTTL / 3)
		defer tick.Stop()
		for {
			select {
			case <-c.stop:
				return
			case <-tick.C:
			}
			ctx, cancel := context.WithTimeout(context.Background(), s.claimTTL/3)
			held, err := ifClaimedScript.Run(ctx, s.rdb, []string{s.key(eventID)}, value, "renew", s.claimTTL.Milliseconds()).Int()
			cancel()
			if err != nil {
				s.o.log().Warn("redisstore: renewing a webhook event claim failed", "event_id", eventID, "error", err.Error())
				continue // the claim may still be alive; try again
			}
			if held == 0 {
				s.o.log().Warn("redisstore: a webhook event claim lapsed while its callback ran", "event_id", eventID)
				return
			}
		}
	}()
}

// stop ends the renewal of eventID's claim and returns it (nil if none).
func (s *DedupStore) stop(eventID string) *claim {
	s.mu.Lock()
	c := s.claims[eventID]
	delete(s.claims, eventID)
	s.mu.Unlock()
	if c != nil {
		close(c.stop)
		<-c.done
	}
	return c
}

func newToken() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

var _ stripe.WebhookDedupStore = (*DedupStore)(nil)
