package tui

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"chrono/model"
	"chrono/model/native"
	"chrono/model/synth"
	"chrono/store"
)

// The heaviest event the limits allow a file to bring, near enough:
// 9,000 quotes of about 6 KB each, 56 MB in all, among a thousand
// ordinary events. Every key on it, in the list and in its sources pane,
// is measured as BenchmarkKeys measures keys, with the heap in use after
// it as heap-MB.

var (
	heavyOnce sync.Once
	heavyPath string
	heavyErr  error
)

// heavyQuotes and heavyQuoteText make the heavy event.
const (
	heavyQuotes    = 9_000
	heavyQuoteText = 6_200
	heavyID        = "the-heavy-event"
)

// heavyEvent is an event with heavyQuotes quotes of long text.
func heavyEvent() model.Event {
	words := strings.Fields("the minister said that the payments were routine and that nobody in the ministry had seen the contracts before they were signed")
	var text strings.Builder
	for i := 0; text.Len() < heavyQuoteText; i++ {
		text.WriteString(words[i%len(words)])
		text.WriteByte(' ')
	}
	e := model.Event{ID: heavyID, Title: "The heavy event", Summary: "Every quote of the inquiry, one event."}
	e.Date, _ = model.ParseDate("2008-06-15")
	for i := range heavyQuotes {
		e.Quotes = append(e.Quotes, model.Quote{
			Text:    fmt.Sprintf("%d: %s", i, text.String()),
			Speaker: fmt.Sprintf("Witness %d", i),
			Context: "before the inquiry",
		})
	}
	return e
}

func heavyStore(b *testing.B) model.Store {
	b.Helper()
	heavyOnce.Do(func() {
		dir, err := os.MkdirTemp("", "chrono-tui-heavy-")
		if err != nil {
			heavyErr = err
			return
		}
		doc := filepath.Join(dir, "heavy.json")
		f, err := os.Create(doc)
		if err != nil {
			heavyErr = err
			return
		}
		w := bufio.NewWriterSize(f, 1<<20)
		events := func(yield func(model.Event, error) bool) {
			if !yield(heavyEvent(), nil) {
				return
			}
			for e, err := range synth.Events(synth.DefaultSeed, 1_000) {
				if !yield(e, err) {
					return
				}
			}
		}
		heavyErr = native.Write(w, synth.Header(1_000), synth.Sources(synth.DefaultSeed), events)
		w.Flush()
		f.Close()
		if heavyErr != nil {
			return
		}
		heavyPath = filepath.Join(dir, "heavy.db")
		s, err := store.Open(heavyPath, store.Options{})
		if err != nil {
			heavyErr = err
			return
		}
		in := model.Input{Name: doc, Size: -1, Read: func(sink model.Sink) error {
			f, err := os.Open(doc)
			if err != nil {
				return err
			}
			defer f.Close()
			return native.Read(f, sink)
		}}
		_, heavyErr = s.Import([]model.Input{in}, model.ImportOptions{})
		s.Close()
		os.Remove(doc)
	})
	if heavyErr != nil {
		b.Fatal(heavyErr)
	}
	s, err := store.Open(heavyPath, store.Options{Shared: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// heapMB is the heap in use, after a collection, in MB.
func heapMB() float64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapInuse) / 1e6
}

// BenchmarkHeavyEvent measures keys with the heavy event selected: in
// the list (j then k, away and back), tab into its sources pane, and
// moving through the pane.
func BenchmarkHeavyEvent(b *testing.B) {
	cases := []struct {
		name  string
		setup []string // after the heavy event is selected
		press []string
	}{
		{"list/j-k", nil, []string{"j", "k"}},
		{"tab", nil, []string{"tab", "tab"}},
		{"pane/j", []string{"tab"}, []string{"j"}},
		{"pane/k", []string{"tab", "j", "j"}, []string{"k"}},
		{"pane/pgdown", []string{"tab"}, []string{"pgdown"}},
		{"pane/G-g", []string{"tab"}, []string{"G", "g"}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			s := heavyStore(b)
			d := benchDriver(b, s)
			d.goTo("2008-06-15")
			for d.selected() != heavyID {
				d.keys("j")
			}
			d.keys(c.setup...)
			_ = d.m.View()
			for b.Loop() {
				d.keys(c.press...)
				_ = d.m.View()
			}
			b.ReportMetric(heapMB(), "heap-MB")
			runtime.KeepAlive(d)
		})
	}
}

// BenchmarkHeavyEventFirstVisit measures j onto the heavy event when the
// browser has not read it whole yet (it keeps the last two events it
// read): the key, the read of its 56 MB and the View.
func BenchmarkHeavyEventFirstVisit(b *testing.B) {
	s := heavyStore(b)
	d := benchDriver(b, s)
	d.goTo("2008-06-15")
	for d.selected() != heavyID {
		d.keys("j")
	}
	for b.Loop() {
		b.StopTimer()
		d.keys("k")
		d.browser().recent = recentDetails{}
		runtime.GC()
		b.StartTimer()
		d.keys("j")
		_ = d.m.View()
	}
	b.ReportMetric(heapMB(), "heap-MB")
	runtime.KeepAlive(d)
}
