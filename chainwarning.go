package main

import (
	"fmt"
	"io"

	"chrono/model"
)

// warnChainBreak says on w that the journal's chain breaks, at which
// entry and how, as verify --journal names a break, then what the
// command made of it: a command that shows or copies a journal whose
// chain does not hold says so, so that nobody takes it for whole.
func warnChainBreak(w io.Writer, br *model.ChainBreak, then string) {
	fmt.Fprintf(w, "warning: the journal's chain breaks at entry #%d (%s); %s\n", br.Seq, br.Fault, then)
}

// chainBreak walks the journal of s, when its kind of store keeps it as
// a hash chain, and returns where the chain breaks: nil when it holds.
func chainBreak(s model.Store) (*model.ChainBreak, error) {
	v, ok := s.(model.JournalVerifier)
	if !ok {
		return nil, nil
	}
	r, err := v.VerifyJournal()
	if err != nil || r.OK() {
		return nil, err
	}
	return r.Break, nil
}
