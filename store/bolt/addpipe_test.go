package bolt

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chrono/model"
)

// TestAddPipe checks that the events sent are added in the order sent,
// and that once one cannot be added, none after it is, send says so and
// stop returns the error.
func TestAddPipe(t *testing.T) {
	boom := errors.New("boom")
	for _, tt := range []struct {
		name   string
		events int
		failAt int // the event that cannot be added, from 0; -1: none
	}{
		{"none", 0, -1},
		{"fewer than a batch", 3, -1},
		{"several batches and a part", 3*pipeBatch + 7, -1},
		{"the first fails", 2 * pipeBatch, 0},
		{"one in the second batch fails", 3 * pipeBatch, pipeBatch + 5},
		{"the last fails", pipeBatch + 1, pipeBatch},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var added []string
			p := startPipe(func(e *model.Event) error {
				if len(added) == tt.failAt {
					return boom
				}
				added = append(added, e.ID)
				return nil
			})
			refused := -1
			for i := range tt.events {
				e := model.Event{ID: fmt.Sprintf("e%d", i)}
				if !p.send(&e) && refused < 0 {
					refused = i
				}
			}
			err := p.stop()
			want := tt.events
			if tt.failAt >= 0 {
				want = tt.failAt
				if !errors.Is(err, boom) {
					t.Errorf("stop: %v, want %v", err, boom)
				}
				if refused >= 0 && refused < tt.failAt {
					t.Errorf("send refused event %d, before the one that failed (%d)", refused, tt.failAt)
				}
			} else if err != nil || refused >= 0 {
				t.Errorf("stop: %v, send refused at %d", err, refused)
			}
			if len(added) != want {
				t.Fatalf("%d added, want %d", len(added), want)
			}
			for i, id := range added {
				if id != fmt.Sprintf("e%d", i) {
					t.Fatalf("added #%d is %s: out of order", i, id)
				}
			}
		})
	}
}

// TestBulkImportRunsUnwritten imports into an empty store, where the
// events are added on a goroutine of their own, and moves the sorter's
// directory away halfway, so that its next run cannot be written: the
// import fails naming its file, and the store is as it was.
func TestBulkImportRunsUnwritten(t *testing.T) {
	defer func(n int) { sortMemory = n }(sortMemory)
	sortMemory = 512
	s := newEmptyStore(t)
	before := dumpOf(t, s)
	dir := filepath.Dir(s.Location())
	var doc strings.Builder
	doc.WriteString(`{"chrono": 1, "events": [`)
	for i := range 2000 {
		if i > 0 {
			doc.WriteString(",")
		}
		fmt.Fprintf(&doc, `{"id": "e-%d", "date": "2017-06", "title": "Event %d", "tags": ["t%d"]}`, i, i, i%7)
	}
	doc.WriteString("]}")
	in := nativeInput("many.json", []byte(doc.String()))
	read := in.Read
	in.Read = func(sink model.Sink) error {
		return read(&takeAway{Sink: sink, dir: dir, after: 1000})
	}
	_, err := s.Import([]model.Input{in}, model.ImportOptions{Bulk: true})
	gone, _ := filepath.Glob(filepath.Join(dir, "*"+movedAway))
	for _, g := range gone {
		os.RemoveAll(g)
	}
	if err == nil || !strings.Contains(err.Error(), "many.json") {
		t.Fatalf("import: %v, want an error naming many.json", err)
	}
	assertUnchanged(t, s, before)
	assertNoLeftovers(t, s)
}

// takeAway passes events on, and moves the import's working directory
// beside the store away after a number of them. Moved, not removed: a
// removal racing the sorter's writing a run may leave the directory and
// take only runs already written, so that the import fails only when it
// reads them back.
type takeAway struct {
	model.Sink
	dir   string
	after int
	n     int
}

// movedAway ends the name of a directory takeAway moved.
const movedAway = ".moved-away"

func (ta *takeAway) EventFields(e model.Event, n int, present model.FieldSet) error {
	if ta.n++; ta.n == ta.after {
		entries, _ := os.ReadDir(ta.dir)
		for _, en := range entries {
			if en.IsDir() {
				p := filepath.Join(ta.dir, en.Name())
				os.Rename(p, p+movedAway)
			}
		}
	}
	return model.SendEvent(ta.Sink, e, n, present)
}
