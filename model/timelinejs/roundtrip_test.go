package timelinejs

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/modeltest"
)

// TestGoldenNSO pins the TimelineJS export of the NSO example.
func TestGoldenNSO(t *testing.T) {
	doc, _ := export(t, example(t))
	modeltest.GoldenFile(t, "nso", doc)
}

// TestRoundTripNSO exports the NSO example to TimelineJS and reads it
// back: every field TimelineJS can carry comes back as it was, every date
// at the same precision, and what does not come back is exactly what the
// losses counted.
func TestRoundTripNSO(t *testing.T) {
	want := example(t)
	doc, losses := export(t, want)
	got, back := mustRead(t, doc)
	if !back.Empty() {
		t.Errorf("reading chrono's own export lost %s", back)
	}
	if got.Header != want.Header {
		t.Errorf("header %+v, want %+v", got.Header, want.Header)
	}
	sources := map[string]model.Source{}
	for _, s := range want.Sources {
		sources[s.ID] = s
	}
	if len(got.Events) != len(want.Events) {
		t.Fatalf("%d events came back, want %d (the example has no undated event)", len(got.Events), len(want.Events))
	}

	// Count independently what the export should have lost.
	expect := map[model.Loss]int{}
	carried := map[string]bool{}
	for i, w := range want.Events {
		g := got.Events[i]
		t.Run(w.ID, func(t *testing.T) {
			if g.ID != w.ID {
				t.Errorf("id %q, want %q", g.ID, w.ID)
			}
			// Every date of the example is one TimelineJS's fields hold
			// exactly: a year, month or day, or an interval of them.
			if g.Date.String() != w.Date.String() {
				t.Errorf("date %s, want %s", g.Date, w.Date)
			}
			if g.DateText != w.DateText {
				t.Errorf("date text %q, want %q", g.DateText, w.DateText)
			}
			if g.Title != w.Title {
				t.Errorf("title %q, want %q", g.Title, w.Title)
			}
			// The summary comes first; the quotes and links TimelineJS has
			// no field for follow it as text.
			if g.Summary != w.Summary && !strings.HasPrefix(g.Summary, w.Summary+"\n\n") {
				t.Errorf("summary does not start with the original:\n%s", g.Summary)
			}
			// The status, actors and tags come back from the lines the
			// export writes them into.
			if !slices.Equal(g.Tags, w.Tags) {
				t.Errorf("tags %q, want %q", g.Tags, w.Tags)
			}
			if g.Status != w.Status {
				t.Errorf("status %q, want %q", g.Status, w.Status)
			}
			if !slices.Equal(g.Actors, w.Actors) {
				t.Errorf("actors %q, want %q", g.Actors, w.Actors)
			}
			for _, lost := range []bool{g.Links != nil, g.Notes != nil, g.DateSource != ""} {
				if lost {
					t.Errorf("a field TimelineJS cannot carry came back: %+v", g)
				}
			}
			wantQuotes := []model.Quote(nil)
			if len(w.Quotes) > 0 && sources[w.Quotes[0].Source].URL != "" {
				q := w.Quotes[0]
				q.Stance = ""
				wantQuotes = []model.Quote{q}
				carried[q.Source] = true
			}
			if !reflect.DeepEqual(g.Quotes, wantQuotes) {
				t.Errorf("quotes %+v, want %+v", g.Quotes, wantQuotes)
			}
			for _, q := range w.Quotes[min(len(w.Quotes), len(wantQuotes)):] {
				if !strings.Contains(g.Summary, "“"+q.Text+"”") {
					t.Errorf("folded quote %q is not in the text", q.Text)
				}
			}
		})
		if w.Status != "" {
			expect[LossStatus]++
		}
		expect[LossActors] += len(w.Actors)
		expect[LossTags] += max(len(w.Tags)-1, 0)
		expect[LossLinks] += len(w.Links)
		expect[LossNotes] += len(w.Notes)
		if w.DateSource != "" {
			expect[LossDateSource]++
		}
		if len(w.Quotes) > 0 {
			expect[LossQuoteFolded] += len(w.Quotes) - 1
			if sources[w.Quotes[0].Source].URL == "" {
				expect[LossQuoteNoURL]++
			}
		}
		for _, q := range w.Quotes {
			if q.Stance != "" {
				expect[LossQuoteStance]++
			}
		}
	}
	var wantSources []model.Source
	for _, s := range want.Sources {
		if carried[s.ID] {
			wantSources = append(wantSources, s)
		} else {
			expect[LossSourceUnused]++
		}
	}
	if !reflect.DeepEqual(got.Sources, wantSources) {
		t.Errorf("sources %+v, want %+v", got.Sources, wantSources)
	}
	checkLosses(t, losses, expect)
}

// checkLosses compares every loss reported with the expected counts, both
// ways, so that a loss neither goes unreported nor is made up.
func checkLosses(t *testing.T, got *model.Losses, want map[model.Loss]int) {
	t.Helper()
	kinds := 0
	for loss, n := range want {
		if c := got.Count(loss); c != n {
			t.Errorf("%q counted %d, want %d", loss.Many, c, n)
		}
		if n > 0 {
			kinds++
		}
	}
	if len(got.Lines()) != kinds {
		t.Errorf("losses reported: %s\nwant only %d kinds: %v", got, kinds, want)
	}
}

// TestReimportFixtures reads each TimelineJS fixture, writes it back as
// TimelineJS and reads that again: what chrono took from the file survives
// its own export, quotes that never had a source among it, as
// <blockquote> media, and the only losses are media without a web
// address.
func TestReimportFixtures(t *testing.T) {
	fixtures, err := filepath.Glob("testdata/*.json")
	if err != nil || len(fixtures) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, name := range fixtures {
		t.Run(filepath.Base(name), func(t *testing.T) {
			doc, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			first, _ := mustRead(t, string(doc))
			out, losses := export(t, first)
			second, back := mustRead(t, out)
			if !back.Empty() {
				t.Errorf("reading the export lost %s", back)
			}
			if second.Header != first.Header {
				t.Errorf("header %+v, want %+v", second.Header, first.Header)
			}
			expect := map[model.Loss]int{}
			used := map[string]bool{}
			for i, a := range first.Events {
				b := second.Events[i]
				if a.ID != b.ID || a.Date != b.Date || a.DateText != b.DateText || a.DateTextOf != b.DateTextOf || a.Title != b.Title || !slices.Equal(a.Tags, b.Tags) {
					t.Errorf("event %d changed:\n %+v\n %+v", i+1, a, b)
				}
				// A slide's medium comes back as it was, one at a web
				// address; one elsewhere cannot be a slide's media.
				if _, web := shownMedium(&a); web || len(a.Media) == 0 {
					if !slices.Equal(a.Media, b.Media) {
						t.Errorf("%s: media %+v, want %+v", a.ID, b.Media, a.Media)
					}
				} else {
					expect[LossMediaLeftOut] += len(a.Media)
				}
				switch {
				case len(a.Quotes) == 0:
					if a.Summary != b.Summary || b.Quotes != nil {
						t.Errorf("%s: summary %q and quotes %+v, want %q and none", a.ID, b.Summary, b.Quotes, a.Summary)
					}
				default:
					if a.Quotes[0].Source != "" {
						used[a.Quotes[0].Source] = true
					}
					if !slices.Equal(a.Quotes, b.Quotes) || a.Summary != b.Summary {
						t.Errorf("%s: quotes %+v, want %+v", a.ID, b.Quotes, a.Quotes)
					}
				}
			}
			for _, s := range first.Sources {
				if !used[s.ID] {
					expect[LossSourceUnused]++
				}
			}
			checkLosses(t, losses, expect)
		})
	}
}
