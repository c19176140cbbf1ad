package sshd

import (
	"fmt"
	"sync"
	"time"

	"chrono/model"
	"chrono/tui"
)

// Limits bound what the server gives, each refused with a message that
// says which limit was reached.
type Limits struct {
	// PerKey and Total are how many sessions one key, and everyone, may
	// have open at once.
	PerKey, Total int
	// Idle ends a browser no key has been pressed in for this long;
	// MaxSession ends any session this long after it began.
	Idle, MaxSession time.Duration
	// KeysPerSecond is how many keys a person's sessions may send in a
	// second, together; more are dropped, and the browser says so.
	KeysPerSecond int
	// WritesPerMinute is how many changes a person may make in a minute.
	WritesPerMinute int
}

// DefaultLimits are the limits chrono serve starts with.
func DefaultLimits() Limits {
	return Limits{PerKey: 4, Total: 64, Idle: 30 * time.Minute, MaxSession: 12 * time.Hour, KeysPerSecond: 60, WritesPerMinute: 120}
}

// bucket lets n things happen each per, and a burst of n.
type bucket struct {
	mu     sync.Mutex
	n      float64
	per    time.Duration
	tokens float64
	last   time.Time
}

func newBucket(n int, per time.Duration) *bucket {
	return &bucket{n: float64(n), per: per, tokens: float64(n)}
}

// allow takes a token at now, and reports whether there was one.
func (b *bucket) allow(now time.Time) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.last.IsZero() {
		b.tokens = min(b.n, b.tokens+b.n*float64(now.Sub(b.last))/float64(b.per))
	}
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// limitedStore is a session's store: writes of a read role are refused
// whatever the browser lets through, and a person's writes are bounded.
type limitedStore struct {
	model.Store
	role   tui.Role
	writes *bucket
	limit  int
}

// Release lets the store go between the pages of a long read, when the
// store can (model.Releaser): the wrapper must not hide it.
func (s limitedStore) Release() {
	if r, ok := s.Store.(model.Releaser); ok {
		r.Release()
	}
}

var _ model.Releaser = limitedStore{}

func (s limitedStore) check() error {
	if s.role == tui.RoleRead {
		return fmt.Errorf("%w: your role is read", model.ErrReadOnly)
	}
	if !s.writes.allow(time.Now()) {
		return fmt.Errorf("more than %d changes in a minute: wait a moment, then try again", s.limit)
	}
	return nil
}

// Write is Store.Write, within the session's role and limit.
func (s limitedStore) Write(op model.Op, phrase string, fn func(model.Tx) error) (model.Entry, error) {
	if err := s.check(); err != nil {
		return model.Entry{}, err
	}
	return s.Store.Write(op, phrase, fn)
}

// Import is Store.Import, within the session's role and limit.
func (s limitedStore) Import(inputs []model.Input, opts model.ImportOptions) ([]model.ImportResult, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	return s.Store.Import(inputs, opts)
}
