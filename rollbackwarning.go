package main

import (
	"fmt"

	"chrono/model"
	"chrono/model/termtext"
)

// rollbackWarning is what to tell the reader of a store that reads as it
// was before its last change (model.RollbackReporter), and what to do
// about it, or "" when nothing says so. It is the store's own finding,
// the one that refuses writes and that check --store reports.
func (c *cli) rollbackWarning(s model.Store) string {
	r, ok := s.(model.RollbackReporter)
	if !ok {
		return ""
	}
	why := r.LastChangeLost()
	if why == "" {
		return ""
	}
	if c.acceptRollback {
		return termtext.Line(fmt.Sprintf("store %s: %s; kept as it reads (--accept-rollback): the next change makes that final", s.Location(), why))
	}
	if c.overSSH() {
		return termtext.Line(fmt.Sprintf("store %s: %s; changes are refused until the server's admin runs chrono check --store on it and restores it from a backup (or keeps it as it reads with chrono --accept-rollback)", s.Location(), why))
	}
	return termtext.Line(fmt.Sprintf("store %s: %s; run chrono check --store, and restore it from a backup (or, to keep it as it reads, give the next change --accept-rollback)", s.Location(), why))
}

// sayRollback warns on stderr, once a run, that the store may have lost
// its last change: bbolt reads it without a word, and a read that does
// not say so lets the loss go unseen until a write makes it permanent.
func (c *cli) sayRollback(s model.Store) {
	if c.rollbackSaid {
		return
	}
	if w := c.rollbackWarning(s); w != "" {
		c.rollbackSaid = true
		fmt.Fprintf(c.stderr, "warning: %s\n", w)
	}
}

// overSSH reports whether what chrono says is read by people connected
// over SSH (chrono serve, ssh HOST -- list), who give no flags to the
// server's chrono: advice is then for the server's admin.
func (c *cli) overSSH() bool { return c.runAs != "" || c.serving }

// joinWarnings is the warnings a and b (either may be ""), as one line.
func joinWarnings(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}
