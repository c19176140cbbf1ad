package tui

import (
	"errors"
	"sync"
)

// joinedReads shares one read among the browsers of a process that ask
// the same question at once: a server's sessions of one investigation,
// all told of a change together, would otherwise each read the same
// thing from the store. The question must say what answers it: a read
// begun for it sees every change it names (the version heard, the
// journal entry being taken in), so another browser asking the same may
// take its answer.
type joinedReads[K comparable, V any] struct {
	mu    sync.Mutex
	under map[K]*joinedRead[V]
}

// joinedRead is one read under way; done is closed once v and err are
// set. The answer is shared: nobody changes it.
type joinedRead[V any] struct {
	done   chan struct{}
	joined int // the browsers waiting for it, under joinedReads.mu
	v      V
	err    error
}

// read is fn, or the answer of the same question under way.
func (r *joinedReads[K, V]) read(ask K, fn func() (V, error)) (V, error) {
	r.mu.Lock()
	if r.under == nil {
		r.under = map[K]*joinedRead[V]{}
	}
	if under, ok := r.under[ask]; ok {
		under.joined++
		r.mu.Unlock()
		<-under.done
		return under.v, under.err
	}
	// Those who joined are answered however the read ends: a panic
	// that ends this browser leaves them an error, not a wait for ever.
	under := &joinedRead[V]{done: make(chan struct{}), err: errors.New("the read these browsers shared failed")}
	r.under[ask] = under
	r.mu.Unlock()
	defer func() {
		r.mu.Lock()
		delete(r.under, ask)
		r.mu.Unlock()
		close(under.done)
	}()
	under.v, under.err = fn()
	return under.v, under.err
}

// joining reports whether a browser waits for the answer to ask.
func (r *joinedReads[K, V]) joining(ask K) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	under := r.under[ask]
	return under != nil && under.joined > 0
}
