package evidence

import (
	"fmt"
	"io"
	"slices"

	"chrono/model"

	"github.com/go-json-experiment/json"
)

// walkChain walks the journal's chain into rep when the store keeps
// one.
func walkChain(r model.Reader, rep *Report) error {
	v, ok := r.(model.JournalVerifier)
	if !ok {
		return nil
	}
	c, err := v.VerifyJournal()
	if err != nil {
		return fmt.Errorf("walking the journal's chain: %w", err)
	}
	rep.Chain = &c
	return nil
}

// writeJournal writes journal.jsonl, every entry oldest first with its
// hash and the hash of the entry before it.
func writeJournal(fs *files, r model.Reader, rep *Report) error {
	entries, err := r.Journal(model.JournalQuery{})
	if err != nil {
		return fmt.Errorf("reading the journal: %w", err)
	}
	slices.Reverse(entries)
	rep.Entries = len(entries)
	if n := len(entries); n > 0 {
		rep.Head = model.ChainHead{Seq: entries[n-1].Seq, Hash: entries[n-1].Hash}
	}
	return fs.write("journal.jsonl", func(w io.Writer) error {
		for _, e := range entries {
			b, err := json.Marshal(e)
			if err != nil {
				return fmt.Errorf("entry #%d: %w", e.Seq, err)
			}
			if _, err := w.Write(append(b, '\n')); err != nil {
				return err
			}
		}
		return nil
	})
}
