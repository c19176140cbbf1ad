package bolt

import "chrono/model"

var _ model.RollbackReporter = (*Store)(nil)

// LastChangeLost says why the store's last change may be lost (metaPair.lost,
// found as the store was opened, as the write guard and Check use it), or
// "": a read-only open has no write to refuse, so its caller says so.
func (s *Store) LastChangeLost() string { return s.guard.lost }

var _ model.RollbackReporter = (*Shared)(nil)

// LastChangeLost is Store.LastChangeLost, for a store opened for each
// read: what the opening for a read finds. A store that cannot be
// opened says nothing here; the read that follows says why.
func (s *Shared) LastChangeLost() string {
	why, _ := read(s, func(st *Store) (string, error) { return st.LastChangeLost(), nil })
	return why
}
