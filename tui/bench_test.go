package tui

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
	"chrono/model/native"
	"chrono/model/synth"
	"chrono/store"
)

// The browser's benchmarks run on synthetic investigations (chrono synth)
// of 1,000, 100,000 and 1,000,000 events, imported once per run into a
// directory of their own. Those of a million events are skipped under
// -short. Each measures what the investigator waits for: Update, the
// store reads its commands make, and the View that follows.

var (
	benchOnce   sync.Once
	benchDir    string
	benchStores sync.Map // n → path
)

var benchSizes = []int{1_000, 100_000, 1_000_000}

func benchStore(b *testing.B, n int) model.Store {
	b.Helper()
	if n >= 1_000_000 && testing.Short() {
		b.Skip("a million events: not under -short")
	}
	benchOnce.Do(func() {
		var err error
		if benchDir, err = os.MkdirTemp("", "chrono-tui-bench-"); err != nil {
			b.Fatal(err)
		}
	})
	path, ok := benchStores.Load(n)
	if !ok {
		doc := filepath.Join(benchDir, fmt.Sprintf("synth-%d.json", n))
		f, err := os.Create(doc)
		if err != nil {
			b.Fatal(err)
		}
		w := bufio.NewWriterSize(f, 1<<20)
		if err := native.Write(w, synth.Header(n), synth.Sources(synth.DefaultSeed), synth.Events(synth.DefaultSeed, n)); err != nil {
			b.Fatal(err)
		}
		w.Flush()
		f.Close()
		p := filepath.Join(benchDir, fmt.Sprintf("store-%d.db", n))
		s, err := store.Open(p, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		in := model.Input{Name: doc, Size: -1, Read: func(sink model.Sink) error {
			f, err := os.Open(doc)
			if err != nil {
				return err
			}
			defer f.Close()
			return native.Read(f, sink)
		}}
		if _, err := s.Import([]model.Input{in}, model.ImportOptions{}); err != nil {
			b.Fatal(err)
		}
		s.Close()
		os.Remove(doc)
		benchStores.Store(n, p)
		path = p
	}
	// As chrono runs the browser: the store opened for each operation.
	shared, err := store.Open(path.(string), store.Options{Shared: true})
	if err != nil {
		b.Fatal(err)
	}
	return shared
}

// benchDriver is a driver for benchmarks: the same loop as the tests'.
func benchDriver(b *testing.B, s model.Store) *driver {
	d := startDriver(b, New(s, Options{Now: time.Now}))
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	return d
}

// forEachSize runs bench as events=N on a store of N events, for each
// of benchSizes.
func forEachSize(b *testing.B, bench func(b *testing.B, s model.Store)) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) { bench(b, benchStore(b, n)) })
	}
}

// forEachFresh measures measure at each of benchSizes, on a new browser
// each time, which prepare readies outside the timer.
func forEachFresh(b *testing.B, prepare, measure func(d *driver)) {
	forEachSize(b, func(b *testing.B, s model.Store) {
		for b.Loop() {
			b.StopTimer()
			d := benchDriver(b, s)
			prepare(d)
			b.StartTimer()
			measure(d)
		}
	})
}

// BenchmarkOpen is the open-to-first-window path: the browser's model
// starting on an open store, loading its first window, counts and ruler,
// and drawing the first screen.
//
// The sets the filter selects by id (setscan.go) are worked out in the
// background after the first screen: they are held out of the time and
// let through after it, so that the next open finds them as a browser
// that opens on a store others have open does. BenchmarkSetScan
// measures the scan itself, BenchmarkSetUpdate keeping them up to date.
func BenchmarkOpen(b *testing.B) {
	forEachSize(b, func(b *testing.B, s model.Store) {
		for b.Loop() {
			openBrowser(b, s)
		}
	})
}

// openBrowser starts a browser on s and draws its first screen, the
// answers about the sets held out of the timer (BenchmarkOpen) and let
// through after it.
func openBrowser(b *testing.B, s model.Store) {
	var held []tea.Msg
	d := &driver{t: b, drop: func(msg tea.Msg) bool {
		if sets, ok := msg.(setsMsg); ok && sets.wait != nil {
			held = append(held, msg)
			return true
		}
		return false
	}}
	d.m = New(s, Options{Now: time.Now})
	d.m.ctx.tick = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	d.m.ctx.clip = func(string) (string, error) { return "", errNoClipboardProgram }
	d.run(d.m.Init())
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	_ = d.m.View()
	b.StopTimer()
	d.drop = nil
	for _, msg := range held {
		d.send(msg)
	}
	b.StartTimer()
}

// BenchmarkSetScan works the sets the filter selects by id out of the
// whole store, as the first browser to open a store does, in the
// background.
func BenchmarkSetScan(b *testing.B) {
	forEachSize(b, func(b *testing.B, s model.Store) {
		for b.Loop() {
			var st setState
			var scans int
			if err := st.update(s, &scans); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkSetUpdate keeps the sets up to date after a change made
// elsewhere (a tag on one event): what each browser of a server does
// after each change.
func BenchmarkSetUpdate(b *testing.B) {
	forEachSize(b, func(b *testing.B, s model.Store) {
		var st setState
		var scans int
		if err := st.update(s, &scans); err != nil {
			b.Fatal(err)
		}
		var id string
		for e := range s.Events(model.Query{}) {
			id = e.ID
			break
		}
		tags := [][]string{{"bench-update"}, nil}
		for i := 0; b.Loop(); i++ {
			b.StopTimer()
			add, remove := tags[i%2], tags[(i+1)%2]
			if _, err := s.Write(model.OpTag, "bench", func(tx model.Tx) error {
				_, err := model.RetagEach(tx, model.Retags([]string{id}, add, remove))
				return err
			}); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if err := st.update(s, &scans); err != nil {
				b.Fatal(err)
			}
		}
		if scans != 1 {
			b.Fatalf("%d whole scans; want 1", scans)
		}
	})
}

// movementKeys are the keys the movement benchmarks press, each from
// the middle of the timeline.
var movementKeys = []struct {
	name  string
	press []string
}{
	{"j", []string{"j"}}, {"k", []string{"k"}}, {"pgdown", []string{"pgdown"}}, {"pgup", []string{"pgup"}},
	{"G", []string{"G"}}, {"g", []string{"g"}}, {"]", []string{"]"}}, {"[", []string{"["}},
	{"goto", []string{":", "2", "0", "0", "9", "-", "0", "6", "enter"}},
}

// pressMoving presses a movement key, and draws the screen after, as
// the movement benchmarks time it. A key that left the cursor on the
// view's first or last event, or where it was, sends it back to from
// with the timer stopped: pressed again there, the key would do nothing
// (j at the end, ] past the last year, G at the end already), and the
// benchmark would time nothing. A jump to a date lands where the one
// before did, so it is made from from each time. It returns how long the
// press and the drawing took.
func pressMoving(b *testing.B, d *driver, from string, press []string) time.Duration {
	before := d.selected()
	pressed := time.Now()
	d.keys(press...)
	_ = d.m.View()
	took := time.Since(pressed)
	tl := &d.browser().tl
	if pos := tl.position(); pos <= 0 || pos >= tl.total-1 || d.selected() == before {
		b.StopTimer()
		d.goTo(from)
		b.StartTimer()
	}
	return took
}

// pressEach is pressMoving for each of b's rounds. Beside the mean, it
// reports the median press and the 99th percentile: a target for every
// key is missed by the slow presses, which a mean spreads over the rest.
func pressEach(b *testing.B, d *driver, from string, press []string) {
	var took []time.Duration
	for b.Loop() {
		took = append(took, pressMoving(b, d, from, press))
	}
	if len(took) == 0 {
		return
	}
	slices.Sort(took)
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(took[len(took)/2]), "p50-ms")
	b.ReportMetric(ms(took[len(took)*99/100]), "p99-ms")
}

// BenchmarkKeys measures each movement key, from the middle of the
// timeline: Update, the commands it makes, and the View after.
func BenchmarkKeys(b *testing.B) {
	for _, n := range benchSizes {
		for _, k := range movementKeys {
			b.Run(fmt.Sprintf("events=%d/key=%s", n, k.name), func(b *testing.B) {
				s := benchStore(b, n)
				d := benchDriver(b, s)
				d.goTo("2008")
				pressEach(b, d, "2008", k.press)
			})
		}
	}
}

// BenchmarkFilter applies a filter by a tag that about a tenth of the
// events carry, from the middle of the timeline, until the first screen,
// the count and the ruler are all in.
func BenchmarkFilter(b *testing.B) { benchFilter(b, "verify", nil) }

// benchFilter applies the filter the picker's entry typed names, from
// the middle of the timeline, until the first screen, the count and the
// ruler are all in; check, if any, checks the view after.
func benchFilter(b *testing.B, entry string, check func(d *driver)) {
	forEachFresh(b, func(d *driver) {
		d.goTo("2008")
		d.keys("f")
		d.typeText(entry)
	}, func(d *driver) {
		d.keys("enter")
		_ = d.m.View()
		if check != nil {
			check(d)
		}
	})
}

// BenchmarkSearch types a name that about one event in two hundred holds
// at the search prompt (as one paste), until the first match is on
// screen; the count of matches, which goes on in the background, is left
// out (BenchmarkSearchCount measures it).
func BenchmarkSearch(b *testing.B) {
	forEachFresh(b, func(d *driver) {
		d.drop = func(msg tea.Msg) bool { _, counting := msg.(matchesMsg); return counting }
		d.keys("/")
	}, func(d *driver) {
		d.send(tea.KeyPressMsg{Text: "zofia weiss"})
		_ = d.m.View()
		if d.browser().search.miss {
			d.t.Fatal("no match")
		}
	})
}

// BenchmarkSearchCount counts the matches of the search, step by step
// as the browser does, to the end of the timeline.
func BenchmarkSearchCount(b *testing.B) {
	forEachSize(b, func(b *testing.B, s model.Store) {
		d := benchDriver(b, s)
		d.keys("/")
		d.send(tea.KeyPressMsg{Text: "zofia weiss"})
		d.keys("enter")
		for b.Loop() {
			d.run(d.browser().countSearch())
			if s := d.browser().search; !s.matchesDone || s.matches == 0 {
				b.Fatal("the count did not finish")
			}
		}
	})
}

// BenchmarkFilterLinked applies the filter to the events another one
// disputes, chosen in the picker by name, from the middle of the
// timeline, until the first screen, the count and the ruler are all in.
// The picker has counted its entries by then (pickercount.go), as it
// does while it is open.
func BenchmarkFilterLinked(b *testing.B) { benchFilter(b, "disputed by", nil) }

// BenchmarkFilterSet applies the filter to the events with a chronology
// problem (the ↯ set: at a million events, 467,584 of them) as
// BenchmarkFilterLinked applies its own.
func BenchmarkFilterSet(b *testing.B) {
	benchFilter(b, "chronology problem", func(d *driver) {
		if !d.browser().query.ByID {
			d.t.Fatal("not filtered to the set")
		}
	})
}

// BenchmarkFilteredKeys measures movement keys in a view filtered by a
// link and to the ↯ set, from the middle of the timeline, as
// BenchmarkKeys does in the whole timeline.
func BenchmarkFilteredKeys(b *testing.B) {
	filters := []struct{ name, entry string }{{"disputed", "disputed by"}, {"problems", "chronology problem"}}
	for _, n := range benchSizes {
		for _, f := range filters {
			for _, k := range movementKeys[:6] {
				b.Run(fmt.Sprintf("events=%d/filter=%s/key=%s", n, f.name, k.name), func(b *testing.B) {
					d := benchDriver(b, benchStore(b, n))
					d.goTo("2008")
					d.keys("f")
					d.typeText(f.entry)
					d.keys("enter")
					pressEach(b, d, "2008", k.press)
				})
			}
		}
	}
}
