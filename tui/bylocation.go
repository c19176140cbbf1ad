package tui

import (
	"sync"

	"chrono/model"
)

// byLocation holds one T per store location, shared by every browser on
// that store (the sessions served from one file); a store that names no
// location shares its T with nobody.
type byLocation[T any] struct{ m sync.Map }

// of is the T of s's location.
func (b *byLocation[T]) of(s model.Store) *T {
	loc := s.Location()
	if loc == "" {
		return new(T)
	}
	v, _ := b.m.LoadOrStore(loc, new(T))
	return v.(*T)
}
