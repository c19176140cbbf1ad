package main

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestCLIFilters checks that filters match what a person types: tags and
// actors in any case, a tag with its #, a status in any case or none, a
// period as chrono shows dates, and that a name the investigation does
// not hold is said on stderr. Update
// with go test -run TestCLIFilters -update.
func TestCLIFilters(t *testing.T) {
	steps := [][]string{
		{"list", "--actor", "ted lieu"},
		{"list", "--tag", "DOJ"},
		{"list", "--tag", "#doj", "--tag", "Denial"},
		{"list", "--tag", "nosuch"},
		{"list", "--tag", "whistleblowr"},
		{"list", "--actor", "Ted Lieux"},
		{"list", "--status", "Confirmed", "--tag", "Context"},
		{"list", "--status", "denied"},
		{"list", "--status", "none"},
		{"add", "--title", "Not yet assessed", "--date", "2019"},
		{"list", "--status", "none"},
		{"list", "--status", "NONE", "--status", "confirmed", "--during", "2018/2019"},
		{"list", "--during", "Aug 2017"},
		{"export", "--format", "csv", "--tag", "#DOJ", "--status", "Reported"},
		{"export", "--format", "csv", "--tag", "nosuch"},
	}
	db := exampleDB(t)
	var shown []string
	var results []result
	for _, args := range steps {
		shown = append(shown, shellWords(args))
		results = append(results, chrono(t, db, "", args...))
	}
	golden.RequireEqual(t, transcript(db, shown, results))
}

// shellWords is args as a shell would take them back: a word with a
// space, or a #, quoted.
func shellWords(args []string) string {
	var b strings.Builder
	for i, a := range args {
		if i > 0 {
			b.WriteByte(' ')
		}
		if strings.ContainsAny(a, " #'\"") {
			a = "'" + a + "'"
		}
		b.WriteString(a)
	}
	return b.String()
}

// TestDuringAMinute: --during a time typed to the minute selects the
// events of that minute; before, it was its second 00, and an event at
// 20:30:34 was not listed.
func TestDuringAMinute(t *testing.T) {
	db := newDB(t)
	for _, date := range []string{"2007-08-14T20:30:34Z", "2007-08-14T20:31:00Z"} {
		if r := chrono(t, db, "", "add", "--title", date, "--date", date); r.code != 0 {
			t.Fatalf("add: %+v", r)
		}
	}
	r := chrono(t, db, "", "list", "--during", "14 Aug 2007 20:30 UTC")
	if r.code != 0 || !strings.Contains(r.stdout, "20:30:34") || strings.Contains(r.stdout, "20:31") {
		t.Errorf("list --during the minute: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestDuringEmpty: --during "" is a mistake said as --status "" is, not
// taken for no filter, which listed every event.
func TestDuringEmpty(t *testing.T) {
	db := exampleDB(t)
	for _, during := range []string{"", "  "} {
		r := chrono(t, db, "", "list", "--during", during)
		if r.code != exitUsage || r.stdout != "" || !strings.Contains(r.stderr, "--during: empty") {
			t.Errorf("list --during %q: exit %d, %q %q", during, r.code, r.stdout, r.stderr)
		}
	}
}

// TestListDuringFollowsTZ: with --tz utc the lines show a time written
// -04:00 late on the 14th on the 15th, and --during finds it there.
func TestListDuringFollowsTZ(t *testing.T) {
	db := newDB(t)
	mustChrono(t, db, "add", "--id", "evening", "--title", "An evening call", "--date", "2017-08-14T20:30:00-04:00")
	if out := mustChrono(t, db, "list", "--during", "2017-08-14").stdout; !strings.Contains(out, "evening") {
		t.Errorf("--during 2017-08-14, as written: %q", out)
	}
	if out := mustChrono(t, db, "list", "--during", "2017-08-15", "--tz", "utc").stdout; !strings.Contains(out, "15 Aug 2017 00:30:00 UTC") {
		t.Errorf("--during 2017-08-15 --tz utc: %q", out)
	}
	if out := mustChrono(t, db, "list", "--during", "2017-08-14", "--tz", "utc").stdout; strings.Contains(out, "evening") {
		t.Errorf("--during 2017-08-14 --tz utc found the event shown on the 15th: %q", out)
	}
}

// TestCLIFilterBySource: --source lists what a source says, the events
// that quote it and those whose date it anchors, its id in any case;
// several widen, other flags narrow, and an id the investigation neither
// lists nor cites is said on stderr with the sources it has. Update with
// go test -run TestCLIFilterBySource -update.
func TestCLIFilterBySource(t *testing.T) {
	steps := [][]string{
		{"list", "--source", "wapo"},
		{"list", "--source", "WaPo", "--source", "occupy-democrats", "--tag", "doj"},
		{"list", "--source", "wapo", "--during", "2021"},
		{"list", "--source", "wapoo"},
		{"list", "--json", "--source", "wapo", "--status", "reported"},
	}
	db := exampleDB(t)
	var shown []string
	var results []result
	for _, args := range steps {
		shown = append(shown, shellWords(args))
		results = append(results, chrono(t, db, "", args...))
	}
	golden.RequireEqual(t, transcript(db, shown, results))
}

// TestSourceListCountsCitingEvents: source list says how many events
// cite each source, as the browser's sources screen and rm count them:
// an event whose date's words a source anchors cites it, and a source
// nothing cites says so.
func TestSourceListCountsCitingEvents(t *testing.T) {
	db := exampleDB(t)
	for _, args := range [][]string{
		{"source", "add", "--id", "memo", "--publisher", "Memo"},
		{"source", "add", "--id", "unused", "--publisher", "Unused"},
		{"edit", "fbi-tip", "--set", "date_text=last year", "--set", "date_source=memo"},
	} {
		if r := chrono(t, db, "", args...); r.code != 0 {
			t.Fatalf("%v: %s", args, r.stderr)
		}
	}
	out := chrono(t, db, "", "source", "list").stdout
	for id, want := range map[string]string{"memo": "cited by 1 event", "unused": "not cited", "wapo": "cited by 3 events", "occupy-democrats": "cited by 9 events"} {
		line := ""
		for l := range strings.Lines(out) {
			if strings.HasPrefix(l, id+" ") {
				line = l
			}
		}
		if !strings.Contains(line, want) {
			t.Errorf("%s: %q; want %q", id, line, want)
		}
	}
}
