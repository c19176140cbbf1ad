package sshd

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// refusals holds, for each connection still authenticating, the keys its
// client has offered, so that a connection refused is logged once, with
// every key it tried, rather than a line a key: a client offers each of
// its keys in turn, and any but the last may be refused on the way to
// one that is let in.
type refusals struct {
	mu      sync.Mutex
	pending map[string]*offers // by the client's address
}

// offers is what one connection's client has offered.
type offers struct {
	user string   // the name it asked to log in as
	keys []string // the fingerprints of the keys refused, each once
	more int      // refused keys beyond maxOffers
}

// maxOffers bounds the keys a refusal names: a client may offer many.
const maxOffers = 5

// refuse notes a key refused for the connection from addr.
func (r *refusals) refuse(addr, user, fingerprint string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.pending == nil {
		r.pending = map[string]*offers{}
	}
	o := r.pending[addr]
	if o == nil {
		o = &offers{}
		r.pending[addr] = o
	}
	o.user = user
	switch {
	case slices.Contains(o.keys, fingerprint):
	case len(o.keys) < maxOffers:
		o.keys = append(o.keys, fingerprint)
	default:
		o.more++
	}
}

// forget drops what the connection from addr offered, and returns it:
// nil when it offered nothing that was refused.
func (r *refusals) forget(addr string) *offers {
	r.mu.Lock()
	defer r.mu.Unlock()
	o := r.pending[addr]
	delete(r.pending, addr)
	return o
}

// String says what was offered, for the log.
func (o *offers) String() string {
	// Only the keys refused: a client may also have offered one of the
	// file that it then failed to sign with.
	s := fmt.Sprintf("as %q: keys not in the users file: %s", o.user, strings.Join(o.keys, ", "))
	if o.more > 0 {
		s += fmt.Sprintf(" and %d more", o.more)
	}
	return s
}
