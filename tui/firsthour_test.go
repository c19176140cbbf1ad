package tui

import (
	"path/filepath"
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/native"
	"chrono/store"
)

// storeOf is a store holding the events of a chrono JSON document.
func storeOf(t testing.TB, doc string) model.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "chrono.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	in := model.Input{Name: "events.json", Read: func(sink model.Sink) error { return native.Read(strings.NewReader(doc), sink) }}
	if _, err := s.Import([]model.Input{in}, model.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	return s
}

// instants holds two events at the same minute but not the same instant,
// one with an offset, and one of a year whose month and day are unknown.
const instants = `{"chrono": 1, "title": "Instants", "events": [
 {"id": "utc", "date": "2020-03-04T15:04:05Z", "title": "Said in UTC, with a title long enough to be shortened before the date is"},
 {"id": "offset", "date": "2020-03-04T15:04:05+02:00", "title": "Said with an offset, with a title long enough to be shortened before the date is"},
 {"id": "year", "date": "2023-XX-XX", "title": "Some time in 2023"}
]}`

// The date is the point of a timeline: the column is as wide as the
// widest date on screen, and titles give way first.
func TestDateColumnFitsTheWidestDate(t *testing.T) {
	for _, w := range []int{80, 60} {
		d := newDriver(t, storeOf(t, instants), w, 24)
		screen := d.screen()
		for _, label := range []string{"4 Mar 2020 15:04:05 UTC", "4 Mar 2020 15:04:05 +02:00", "2023 (month and day unknown)"} {
			if !strings.Contains(screen, label) {
				t.Errorf("at %d columns, no %q on screen:\n%s", w, label, screen)
			}
		}
	}
}
