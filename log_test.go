package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"chrono/model"
)

// TestChangeWords: what chrono log says of one event's change, among
// them one that left the event as it was (the undo of an import that only
// kept chrono's values over the file's) and a replace that undid chrono's
// changes.
func TestChangeWords(t *testing.T) {
	one := &model.Event{ID: "e", Title: "One"}
	two := &model.Event{ID: "e", Title: "Two"}
	file := &model.Event{ID: "e", Title: "The file's"}
	update := func(before, after, imported *model.Event) model.EventChange {
		return model.EventChange{ID: "e", Before: before, After: after, From: model.OnTimeline, To: model.OnTimeline, Imported: imported}
	}
	// A replace that undid chrono's changes names them; the names come
	// from the stored journal, and are printed safe.
	replaced := update(one, &model.Event{ID: "e", Title: "Two", Tags: []string{"t"}}, nil)
	replaced.Undid = []string{"title", "tags"}
	evil := update(one, two, nil)
	evil.Undid = []string{"title\x1b[2J"}
	tests := []struct {
		change model.EventChange
		want   string
	}{
		{model.EventChange{ID: "e", To: model.OnTimeline}, "added"},
		{update(one, two, nil), "changed: title"},
		{update(one, one, file), "kept chrono's changes to title"},
		{update(one, two, file), "changed: title; kept chrono's changes to title"},
		{update(one, one, nil), "left as it was"},
		{replaced, "changed: title, tags; undid chrono's changes to title, tags"},
		{evil, "changed: title; undid chrono's changes to title␛[2J"},
	}
	for _, tt := range tests {
		if got := changeWords(tt.change); got != tt.want {
			t.Errorf("changeWords(%+v) = %q, want %q", tt.change, got, tt.want)
		}
	}
}

// TestLogWarnsOfABrokenChain: chrono log of a journal altered outside
// chrono lists the entries as stored and then says on stderr where the
// chain breaks, whether it lists them all, some or one event's; of a
// journal that holds, it says nothing.
func TestLogWarnsOfABrokenChain(t *testing.T) {
	db := newDB(t)
	for _, args := range [][]string{{"import", "timeline.example.json"}, {"tag", "fbi-tip", "checked"}, {"tag", "fbi-tip", "more"}} {
		if r := chrono(t, db, "", args...); r.code != 0 {
			t.Fatalf("%v: %+v", args, r)
		}
	}
	if r := chrono(t, db, "", "log"); r.code != 0 || r.stderr != "" {
		t.Fatalf("log of a whole journal: %+v", r)
	}
	alterJournalEntry(t, db, 2, `"checked`, `"chequed`)
	const warning = "warning: the journal's chain breaks at entry #2 (content); the entries listed are as stored"
	for _, args := range [][]string{{"log"}, {"log", "-n", "1"}, {"log", "fbi-tip"}} {
		r := chrono(t, db, "", args...)
		if r.code != 0 || !strings.Contains(r.stdout, "#3 ") || !strings.HasPrefix(r.stderr, warning) {
			t.Errorf("%v of an altered journal: %+v", args, r)
		}
	}
}

// TestLogNumberAtLeastOne: -n 0 or less is refused, not read as "all".
func TestLogNumberAtLeastOne(t *testing.T) {
	db := exampleDB(t)
	for _, n := range []string{"0", "-1"} {
		if r := chrono(t, db, "", "log", "-n", n); r.code != 2 || !strings.Contains(r.stderr, "give 1 or more") {
			t.Errorf("log -n %s: %+v", n, r)
		}
	}
	if r := chrono(t, db, "", "log", "-n", "1"); r.code != 0 || strings.Count(r.stdout, "\n#") > 0 {
		t.Errorf("log -n 1: %+v", r)
	}
}

// TestLogSaysHeaderChanges: the log says what an entry did to the
// investigation's title and description, an import's too, and a revert
// refused for them names the change that stands in the way.
func TestLogSaysHeaderChanges(t *testing.T) {
	db := newDB(t)
	mustChrono(t, db, "new", db)
	mustChrono(t, db, "import", "timeline.example.json")
	mustChrono(t, db, "edit", "--header", "--set", "title=Other")
	log := mustChrono(t, db, "log").stdout
	for _, want := range []string{"imported timeline.example.json: 13 new, 0 updated\n", "       … and 8 more\n       source wapo added\n       source occupy-democrats added\n       investigation description set\n", "       investigation title changed\n"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
	// The import set the description alone: a later change of the
	// title does not stand in the way of taking it back.
	r := chrono(t, db, "", "revert", "2")
	if r.code != 0 {
		t.Errorf("revert 2: exit %d, stderr %q", r.code, r.stderr)
	}
	mustChrono(t, db, "edit", "--header", "--set", "description=Mine")
	r = chrono(t, db, "", "revert", "3")
	if r.code != 0 {
		t.Errorf("revert 3, of the title, after a change of the description: exit %d, stderr %q", r.code, r.stderr)
	}
	mustChrono(t, db, "edit", "--header", "--set", "description=Theirs")
	r = chrono(t, db, "", "revert", "5")
	if want := "the investigation's description changed since, by #7 described the investigation by"; r.code != 1 || !strings.Contains(r.stderr, want) {
		t.Errorf("revert 5: exit %d, stderr %q; want %q in it", r.code, r.stderr, want)
	}
}

// TestLogSaysSourceChanges: the text log names the sources an entry
// added, changed or removed; it named none, so that the removal of a
// source, or the undo of an import that took its sources away, read as
// a change of nothing.
func TestLogSaysSourceChanges(t *testing.T) {
	db := newDB(t)
	mustChrono(t, db, "new", db)
	mustChrono(t, db, "source", "add", "--id", "s", "--publisher", "P")
	mustChrono(t, db, "source", "edit", "s", "--url", "https://example.org/a")
	mustChrono(t, db, "source", "rm", "s")
	log := mustChrono(t, db, "log").stdout
	for _, want := range []string{"\n       source s added\n", "\n       source s changed\n", "\n       source s removed\n"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
}

// TestLogOfOneEventCountsTheOthers: an event's history lists of an
// import only that event's change, and says how many other events the
// entry touched: "… and 8 more" counted them as if five were listed.
func TestLogOfOneEventCountsTheOthers(t *testing.T) {
	db := exampleDB(t)
	r := chrono(t, db, "", "log", "khashoggi-killed")
	if r.code != 0 || !strings.Contains(r.stdout, "       khashoggi-killed added\n       … and 12 other events\n") {
		t.Errorf("log khashoggi-killed: %+v", r)
	}
	if r := chrono(t, db, "", "log"); !strings.Contains(r.stdout, "       … and 8 more\n") {
		t.Errorf("log: %+v", r)
	}
}

// TestLogSinceOnTheReadersClock: --since without an offset is read on
// the reader's clock, as log shows the entries' times; it was read as
// UTC, so that the time log showed for an entry, given back, left it
// out (at +14:00) or let earlier ones in (at -12:00).
func TestLogSinceOnTheReadersClock(t *testing.T) {
	saved := time.Local
	t.Cleanup(func() { time.Local = saved })
	for _, offset := range []int{14, -12} {
		time.Local = time.FixedZone("", offset*3600)
		db := newDB(t)
		mustChrono(t, db, "new", db)
		mustChrono(t, db, "add", "--title", "One", "--date", "2020")
		entries := mustChrono(t, db, "log", "--json").stdout
		var e struct{ At time.Time }
		if err := json.Unmarshal([]byte(strings.SplitN(entries, "\n", 2)[0]), &e); err != nil {
			t.Fatal(err)
		}
		shown := e.At.Local().Truncate(time.Second)
		if got := mustChrono(t, db, "log", "--since", shown.Format("2006-01-02T15:04:05")).stdout; !strings.Contains(got, "added “One”") {
			t.Errorf("at %+d:00, log --since %s (as log shows the entry) leaves it out:\n%s", offset, shown.Format("2006-01-02T15:04:05"), got)
		}
		later := shown.Add(time.Second).Format("2006-01-02T15:04:05")
		if got := mustChrono(t, db, "log", "--since", later).stdout; strings.Contains(got, "added “One”") {
			t.Errorf("at %+d:00, log --since %s lists the entry made before it:\n%s", offset, later, got)
		}
	}
}

// TestLogOfOneEventHasLinksFromOthers: chrono log ID lists the changes
// that another event's link made to what chrono show ID shows: the link
// recorded under the other event, its unlink, and its move to the trash
// that took the link off the event.
func TestLogOfOneEventHasLinksFromOthers(t *testing.T) {
	db := newDB(t)
	for _, args := range [][]string{
		{"add", "--id", "a", "--title", "A", "--date", "2019"},
		{"add", "--id", "b", "--title", "B", "--date", "2018"},
		{"link", "a", "follows", "b"}, {"unlink", "a", "follows", "b"},
		{"link", "a", "follows", "b"}, {"rm", "a"},
	} {
		if r := chrono(t, db, "", args...); r.code != 0 {
			t.Fatalf("%v: %+v", args, r)
		}
	}
	r := chrono(t, db, "", "log", "b")
	if r.code != 0 {
		t.Fatalf("log b: %+v", r)
	}
	var got []string
	for _, l := range strings.Split(r.stdout, "\n") {
		if strings.HasPrefix(l, "       ") {
			got = append(got, strings.TrimSpace(l))
		}
	}
	want := []string{"a moved to the trash", "a changed: links", "a changed: links", "a changed: links", "b added"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("log b lists:\n%s\nwant:\n%s", r.stdout, strings.Join(want, "\n"))
	}
}

// TestLogAt80: at a terminal of 80 columns, an entry whose phrase runs
// past the edge goes on under the column of the changes it lists, broken
// at a space, and no line is wider than the terminal.
func TestLogAt80(t *testing.T) {
	db := newDB(t)
	if r := chrono(t, db, "", "import", "timeline.example.json"); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	if r := chrono(t, db, "", "tag", "fbi-tip", "a-tag-long-enough-to-run-the-phrase-past-the-edge"); r.code != 0 {
		t.Fatalf("tag: %+v", r)
	}
	out, _, code := at80(t, db, "log")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 0 || len(lines) < 2 {
		t.Fatalf("log: exit %d\n%s", code, out)
	}
	within80(t, "chrono log", out)
	if !strings.HasPrefix(lines[0], "#2 ") || !strings.HasPrefix(lines[1], strings.Repeat(" ", logHang)) || strings.HasPrefix(lines[1], strings.Repeat(" ", logHang+1)) {
		t.Errorf("the entry's phrase does not go on under its changes' column:\n%s", out)
	}
	if !strings.Contains(out, "a-tag-long-enough-to-run-the-phrase-past-the-edge") {
		t.Errorf("the tag broken inside:\n%s", out)
	}
}
