package timesketch

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"chrono/model"
)

// TestExampleRoundTrip sends the example investigation through Timesketch
// and back: every event and every source comes back unchanged, date
// precision included; only the title and description, which Timesketch
// has no place for, are lost, and the losses say so.
func TestExampleRoundTrip(t *testing.T) {
	want := example(t)
	if want.Title == "" || want.Description == "" || len(want.Events) < 12 {
		t.Fatalf("the example is not what this test expects: %q, %d events", want.Title, len(want.Events))
	}
	for _, w := range writers {
		t.Run(w.name, func(t *testing.T) {
			buf, n, lost := w.mustWrite(t, want)
			if n != len(want.Events) {
				t.Errorf("wrote %d events, want %d", n, len(want.Events))
			}
			wantLost := []string{"1 investigation title left out", "1 investigation description left out"}
			if got := lost.Lines(); !slices.Equal(got, wantLost) {
				t.Errorf("losses %q, want %q", got, wantLost)
			}
			got, readLost := mustRead(t, buf.String())
			if !readLost.Empty() {
				t.Errorf("reading back lost %s", readLost)
			}
			if got.Header != (model.Header{}) {
				t.Errorf("header %+v, want none", got.Header)
			}
			if len(got.Events) != len(want.Events) {
				t.Fatalf("read back %d events, want %d", len(got.Events), len(want.Events))
			}
			for i := range want.Events {
				sameEvent(t, want.Events[i], got.Events[i])
			}
			if !sameSources(got.Sources, want.Sources) {
				t.Errorf("sources:\n got %+v\nwant %+v", got.Sources, want.Sources)
			}
		})
	}
}

// sameSources compares sources as sets: they come back in the order the
// events first cite them.
func sameSources(a, b []model.Source) bool {
	if len(a) != len(b) {
		return false
	}
	for _, s := range a {
		if !slices.Contains(b, s) {
			return false
		}
	}
	return true
}

// awkward is an investigation with everything Timesketch makes hard.
func awkward() model.Timeline {
	wapo := model.Source{ID: "wapo", Publisher: "The Washington Post", Author: "Craig Timberg", Title: `NSO offered "bags of cash"`, URL: "https://example.com/a,b", Published: model.MustParseDate("2022-02-01")}
	unused := model.Source{ID: "unused", Title: "cited by nothing"}
	onlySkipped := model.Source{ID: "only-skipped", Title: "cited only by an undated event"}
	at := time.Date(2026, 11, 24, 10, 3, 0, 0, time.FixedZone("", 5*3600+30*60))
	return model.Timeline{
		Header:  model.Header{Title: "Awkward", Description: "Everything that is hard to carry"},
		Sources: []model.Source{wapo, unused, onlySkipped},
		Events: []model.Event{
			{
				ID: "call", Date: model.MustParseDate("2017-08"), DateText: "August 2017", DateSource: "wapo",
				Title:   "A title with \"quotes\", commas and a\nline break",
				Summary: "Line one,\nline two with \"quotes\"\r\nand a CR LF",
				Status:  model.Alleged, Actors: []string{"NSO Group", "Mobileum, Inc."}, Tags: []string{"ss7", "cash-offer"},
				Quotes: []model.Quote{{Text: "We drop bags of cash at your office", Speaker: "Omri Lavie", Source: "wapo", Context: "in Miller's account", Stance: model.Asserts}},
				Links:  []model.Link{{Rel: model.DisputedBy, Event: "denial"}, {Rel: model.Related, Event: "undated"}},
				Notes:  []model.Note{{Text: "check the call logs", At: at}, {Text: "no time"}},
			},
			{ID: "denial", Date: model.MustParseDate("2022-02-01T09:15:00.250-05:00"), Title: "NSO denies", Status: model.Denied},
			{ID: "approx", Date: model.MustParseDate("2021~"), Title: "About 2021"},
			{ID: "uncertain-interval", Date: model.MustParseDate("2019-21?/2020-XX"), Title: "Spring 2019 to some time in 2020, perhaps"},
			{ID: "open-end", Date: model.MustParseDate("2017-08-14/.."), Title: "Ongoing since"},
			{ID: "local-time", Date: model.MustParseDate("2017-08-14T23:30:00"), Title: "Local time, no offset"},
			{ID: "decade", Date: model.MustParseDate("201X"), Title: "Some time in the 2010s"},
			{ID: "nanos", Date: model.MustParseDate("2017-08-14T15:04:05.123456789Z"), Title: "Nanoseconds"},
			{ID: "undated", Title: "Not dated yet", DateText: "one day", DateSource: "only-skipped"},
			{ID: "open-start", Date: model.MustParseDate("../2021"), Title: "Before 2021"},
			{ID: "unknown-start", Date: model.MustParseDate("/2021"), Title: "Before 2021, start unknown"},
			{ID: "bce", Date: model.MustParseDate("-0043-03-15"), Title: "Ides of March"},
			{ID: "far", Date: model.MustParseDate("Y12345"), Title: "Far future"},
		},
	}
}

// TestAwkwardRoundTrip checks that what the format can carry comes back
// field by field, and that what it cannot is exactly what the losses say.
func TestAwkwardRoundTrip(t *testing.T) {
	want := awkward()
	skipped := map[string]model.Loss{
		"undated": Undated, "open-start": OpenStart, "unknown-start": OpenStart, "bce": OutOfRange, "far": OutOfRange,
	}
	for _, w := range writers {
		t.Run(w.name, func(t *testing.T) {
			buf, n, lost := w.mustWrite(t, want)
			if n != len(want.Events)-len(skipped) {
				t.Errorf("wrote %d events, want %d", n, len(want.Events)-len(skipped))
			}
			wantCounts := map[model.Loss]int{
				Undated: 1, OpenStart: 2, OutOfRange: 2, TitleLeftOut: 1, DescriptionLeftOut: 1,
				SourceLeftOut: 2, LinkToSkipped: 1, LocalAsUTC: 1, // the local time comes back from date_edtf
			}
			if w.name == "csv" {
				wantCounts[LineBreaksCSV] = 1
			}
			total := 0
			for l, n := range wantCounts {
				if got := lost.Count(l); got != n {
					t.Errorf("%s: counted %d, want %d", l.Many, got, n)
				}
				total++
			}
			if got := len(lost.Lines()); got != total {
				t.Errorf("losses %q: want only the %d expected", lost.Lines(), total)
			}

			// The link to the skipped event makes a standalone read fail its
			// check, as the loss said; read into a Collect directly.
			var c model.Collect
			var readLost model.Losses
			if err := Read(buf, &c, &readLost); err != nil {
				t.Fatal(err)
			}
			if !readBackLosesOnlyWhatWasSaid(&readLost, lost) {
				t.Errorf("reading back lost %s", readLost.String())
			}
			got := c.Timeline
			var kept []model.Event
			for _, e := range want.Events {
				if _, ok := skipped[e.ID]; !ok {
					kept = append(kept, e)
				}
			}
			if len(got.Events) != len(kept) {
				t.Fatalf("read back %d events, want %d", len(got.Events), len(kept))
			}
			for i, e := range kept {
				if w.name == "csv" && e.ID == "call" {
					e.Summary = "Line one,\nline two with \"quotes\"\nand a CR LF" // the counted loss
				}
				sameEvent(t, e, got.Events[i])
			}
			if !sameSources(got.Sources, want.Sources[:1]) {
				t.Errorf("sources %+v, want only wapo", got.Sources)
			}
		})
	}
}

// TestForeignRoundTrip reads a Timesketch file chrono did not write, in
// every shape of date Timesketch reads, writes it back as Timesketch, and
// checks that each record keeps its instant (the timestamp written is the
// one Timesketch would have computed) and, read again, its date.
func TestForeignRoundTrip(t *testing.T) {
	records := []struct {
		datetime, timestamp string // as written; "" for none
		us                  int64  // the instant Timesketch gives it, in microseconds
	}{
		{"", "1658689261", 1658689261000000},
		{"", "1658689261123", 1658689261123000},
		{"", "1658689261123456", 1658689261123456},
		{"", "1658689261123456789", 1658689261123456},
		{"", "-631152000000000", -631152000000000},
		{"2017-08-14T15:04:05+02:00", "", 1502715845000000},
		{"1502723045000042", "", 1502723045000042},
		{"2017-08-14", "", 1502668800000000},
		{" ", "1502723045", 1502723045000000},
		{"2017-08-14T15:04:05.5Z", "1502723045", 1502723045500000},
	}
	var jsonl, csv strings.Builder
	csv.WriteString("message,datetime,timestamp,timestamp_desc\n")
	for i, r := range records {
		fmt.Fprintf(&jsonl, `{"message":"r%d"`, i)
		if r.datetime != "" {
			fmt.Fprintf(&jsonl, `,"datetime":%q`, r.datetime)
		}
		if r.timestamp != "" {
			fmt.Fprintf(&jsonl, `,"timestamp":%s`, r.timestamp)
		}
		jsonl.WriteString(`,"timestamp_desc":"Content Modification Time"}` + "\n")
		fmt.Fprintf(&csv, "r%d,%s,%s,Content Modification Time\n", i, r.datetime, r.timestamp)
	}
	for name, doc := range map[string]string{"jsonl": jsonl.String(), "csv": csv.String()} {
		t.Run(name, func(t *testing.T) {
			first, _ := mustRead(t, doc)
			if len(first.Events) != len(records) {
				t.Fatalf("read %d events, want %d", len(first.Events), len(records))
			}
			for _, w := range writers {
				buf, n, lost := w.mustWrite(t, first)
				if n != len(records) || !lost.Empty() {
					t.Fatalf("%s: wrote %d of %d (%s)", w.name, n, len(records), lost)
				}
				if w.name == "jsonl" {
					for i, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
						var out struct {
							Datetime  string `json:"datetime"`
							Timestamp int64  `json:"timestamp"`
							Desc      string `json:"timestamp_desc"`
						}
						if err := json.Unmarshal([]byte(line), &out); err != nil {
							t.Fatal(err)
						}
						if out.Timestamp != records[i].us {
							t.Errorf("record %d (%q, %q): written as %s, timestamp %d; want timestamp %d", i, records[i].datetime, records[i].timestamp, out.Datetime, out.Timestamp, records[i].us)
						}
						// What the time is, as Timesketch shows it: it was
						// written as chrono's "Event date (second precision)".
						if out.Desc != "Content Modification Time" {
							t.Errorf("record %d: timestamp_desc written as %q", i, out.Desc)
						}
					}
				}
				again, _ := mustRead(t, buf.String())
				for i, e := range first.Events {
					if g := again.Events[i]; g.Date != e.Date || g.ID != e.ID || g.Summary != e.Summary {
						t.Errorf("%s: record %d: %s (%s, %q) came back as %s (%s, %q)", w.name, i, e.Date, e.ID, e.Summary, g.Date, g.ID, g.Summary)
					}
				}
			}
		})
	}
}

// readBackLosesOnlyWhatWasSaid reports whether reading a file back lost
// nothing but what writing it said would be lost: the carriage returns of
// line breaks written CR LF in a CSV cell, which the reader counts again.
func readBackLosesOnlyWhatWasSaid(back *model.Losses, written *model.Losses) bool {
	if back.Empty() {
		return true
	}
	return written.Count(LineBreaksCSV) > 0 && back.Count(model.CRLFRead) > 0 && len(back.Lines()) == 1
}
