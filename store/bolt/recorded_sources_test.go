package bolt

import (
	"testing"

	"chrono/model"

	"github.com/go-json-experiment/json"
)

// TestRecordedSources: the sources' changes read from the entries' heads
// are those of the entries read whole, in the journal's order.
func TestRecordedSources(t *testing.T) {
	s := newStore(t)
	if _, err := s.Write(model.OpSource, "edited a source", func(tx model.Tx) error {
		src, err := tx.Source("wapo")
		if err != nil {
			return err
		}
		src.Title += " (edited)"
		return tx.PutSource(src)
	}); err != nil {
		t.Fatal(err)
	}
	var heads, whole []model.SourceChange
	_, err := s.Write(model.OpTag, "read", func(tx model.Tx) error {
		if err := tx.(model.RecordedSources).RecordedSources(func(c model.SourceChange) error {
			heads = append(heads, c)
			return nil
		}); err != nil {
			return err
		}
		entries, err := tx.Later(0)
		for _, e := range entries {
			whole = append(whole, e.Sources...)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	h, err := json.Marshal(heads)
	if err != nil {
		t.Fatal(err)
	}
	w, err := json.Marshal(whole)
	if err != nil {
		t.Fatal(err)
	}
	if len(whole) < 2 || string(h) != string(w) {
		t.Errorf("sources from the heads:\n%s\nfrom the entries whole:\n%s", h, w)
	}
}
