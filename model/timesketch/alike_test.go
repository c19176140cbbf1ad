package timesketch

import (
	"testing"

	"chrono/model"
)

// storedAlike is a store holding the events of made ids, for Alike.
type storedAlike map[string]string // id → summary

func (s storedAlike) StoredEvent(id string) (model.Event, error) {
	summary, ok := s[id]
	if !ok {
		return model.Event{}, model.ErrNotFound
	}
	return model.Event{ID: id, Summary: summary}, nil
}

// A record alike the stored ones but holding what none of them holds,
// added to the file after them, takes the next number: every stored id
// taken by its own record already, it was given no id at all, and the
// whole re-import was refused for an event without one.
func TestAlikeNewRecordAfterTheStoredTakesTheNextNumber(t *testing.T) {
	const made = "ts-b0cb3c6c738b"
	a := Alike{asked: true, keys: map[uint64]bool{}, taken: map[string]bool{}, reader: storedAlike{
		made:        "filename: /home/a.txt",
		made + "-2": "filename: /home/b.txt",
	}}
	for _, tt := range []struct{ summary, want string }{
		{"filename: /home/a.txt", made},
		{"filename: /home/b.txt", made + "-2"},
		{"filename: /home/c.txt", made + "-3"},
		{"filename: /home/d.txt", made + "-4"},
	} {
		if got := a.Match(made, &model.Event{Summary: tt.summary}); got != tt.want {
			t.Errorf("%s: id %q, want %q", tt.summary, got, tt.want)
		}
	}
}
