package bolt

import "chrono/model"

var _ model.RollbackReporter = (*Store)(nil)

// LastChangeLost says why the store's last change may be lost (metaPair.lost,
// found as the store was opened, as the write guard and Check use it), or
// "": a read-only open has no write to refuse, so its caller says so.
func (s *Store) LastChangeLost() string { return s.guard.lost }
