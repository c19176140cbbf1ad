package main

import (
	"fmt"
	"io"
	"path/filepath"
	"testing"

	"chrono/model"
	"chrono/store"
)

// journalStore makes, in dir, a store of the example investigation
// whose journal holds entries entries, and returns its path: the import,
// then a tag added to and taken from one event in turn, as years of
// hand edits would.
func journalStore(b *testing.B, dir string, entries int) string {
	db := filepath.Join(dir, "journal.db")
	if code := run([]string{"--db", db, "import", "timeline.example.json"}, nil, io.Discard, io.Discard); code != 0 {
		b.Fatalf("import exited %d", code)
	}
	s, err := store.Open(db, store.Options{Author: "bench", NoCreate: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for i := 1; i < entries; i++ {
		d := model.TagDelta{ID: "fbi-tip", Add: []string{"checked"}}
		if i%2 == 0 {
			d = model.TagDelta{ID: "fbi-tip", Remove: []string{"checked"}}
		}
		if _, err := s.Write(model.OpTag, "retagged", func(tx model.Tx) error {
			_, err := model.RetagEach(tx, []model.TagDelta{d})
			return err
		}); err != nil {
			b.Fatal(err)
		}
	}
	return db
}

// BenchmarkCLIWrite times one writing command run in process, as from
// the command line, on a store whose journal holds 1,000 and 20,000
// entries: chrono tag and untag in turn, and chrono undo (each run
// undoing the one before), each a change. What a write costs should not
// grow with the journal. Building the larger store takes a few seconds
// before the timing starts; skipped under -short.
//
//	go test . -run XXX -bench CLIWrite -benchtime 20x
func BenchmarkCLIWrite(b *testing.B) {
	if testing.Short() {
		b.Skip("builds a journal of 20,000 entries: not under -short")
	}
	cmds := []struct {
		name string
		args [][]string // run in turn
	}{
		{"tag", [][]string{{"tag", "fbi-tip", "bench"}, {"untag", "fbi-tip", "bench"}}},
		{"undo", [][]string{{"undo"}}},
	}
	for _, n := range []int{1_000, 20_000} {
		b.Run(fmt.Sprintf("entries=%d", n), func(b *testing.B) {
			built := journalStore(b, b.TempDir(), n)
			for _, cmd := range cmds {
				b.Run(cmd.name, func(b *testing.B) {
					db := filepath.Join(b.TempDir(), "chrono.db")
					copyFile(b, built, db)
					b.Setenv("XDG_DATA_HOME", b.TempDir())
					i := 0
					for b.Loop() {
						args := append([]string{"--db", db}, cmd.args[i%len(cmd.args)]...)
						if code := run(args, nil, io.Discard, io.Discard); code != 0 {
							b.Fatalf("%v exited %d", args, code)
						}
						i++
					}
				})
			}
		})
	}
}
