package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"chrono/model"
	"chrono/model/native"

	"github.com/charmbracelet/x/exp/golden"
)

// TestExampleStatuses: the example investigation gives each event the
// standing its source supports, and so shows a newcomer every status
// where the story has it: the call NSO denies is denied, and NSO's
// denial, which Miller's account and his attorney contradict, is
// disputed.
func TestExampleStatuses(t *testing.T) {
	var c model.Collect
	if err := native.Read(bytes.NewReader(example), &c); err != nil {
		t.Fatal(err)
	}
	byID := map[string]model.Event{}
	used := map[model.Status]int{}
	for _, e := range c.Timeline.Events {
		byID[e.ID] = e
		used[e.Status]++
	}
	for _, st := range model.Statuses {
		if used[st] == 0 {
			t.Errorf("no event of the example is %s", st)
		}
	}
	want := map[string]model.Status{
		"nso-mobileum-call": model.Denied,   // Miller alleges it; NSO, the accused, denies it
		"nso-denial":        model.Disputed, // contradicted by Miller's account and by Tye
		"post-publishes":    model.Confirmed,
	}
	for id, st := range want {
		if got := byID[id].Status; got != st {
			t.Errorf("%s is %q, want %q", id, got, st)
		}
	}
}

// TestExampleOrder: the example reads in the order the article tells it,
// with its honest dates: the call, then the context up to Apple's
// lawsuit, then what the article dates only loosely (the FBI tip, the
// outreach "last year"), then the referral and what came to the Post
// before its article, and last the article itself. The listing gives
// each event's stated date and, where the links narrow it, the span they
// leave. Update with go test -run TestExampleOrder -update.
func TestExampleOrder(t *testing.T) {
	var c model.Collect
	if err := native.Read(bytes.NewReader(example), &c); err != nil {
		t.Fatal(err)
	}
	ch := model.Order(c.Timeline.Events)
	var b strings.Builder
	for _, p := range ch.Events {
		fmt.Fprintf(&b, "%-19s %-24s %s\n", p.Event.Date.Label(), p.Event.ID, p.Event.Title)
		if p.Narrowed() {
			fmt.Fprintf(&b, "%19s narrowed to %s – %s (%s)\n", "", p.Span.Earliest.Time().Format(time.RFC3339), p.Span.Latest.Time().Format(time.RFC3339), narrowedBy(p))
		}
	}
	if len(ch.Cycles) > 0 || len(ch.Conflicts) > 0 {
		fmt.Fprintf(&b, "cycles %v, conflicts %v\n", ch.Cycles, ch.Conflicts)
	}
	golden.RequireEqual(t, b.String())
}

func narrowedBy(p model.Placed) string {
	var why []string
	if p.EarliestFrom != "" {
		why = append(why, "not before "+p.EarliestFrom)
	}
	if p.LatestFrom != "" {
		why = append(why, "not after "+p.LatestFrom)
	}
	return strings.Join(why, ", ")
}

// TestExampleListsInOrder: chrono list, the JSON export and the store
// give the example in the order the model places it (TestExampleOrder),
// links and all, not by earliest instant and id.
func TestExampleListsInOrder(t *testing.T) {
	var c model.Collect
	if err := native.Read(bytes.NewReader(example), &c); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, p := range model.Order(c.Timeline.Events).Events {
		want = append(want, p.Event.ID)
	}
	db := newDB(t)
	if r := chrono(t, db, "", "import", "timeline.example.json"); r.code != 0 {
		t.Fatalf("import: %s", r.stderr)
	}
	r := chrono(t, db, "", "list", "--json")
	if r.code != 0 {
		t.Fatalf("list --json: %s", r.stderr)
	}
	var listed []string
	for line := range strings.Lines(r.stdout) {
		var e struct{ ID string }
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("list --json line %q: %v", line, err)
		}
		listed = append(listed, e.ID)
	}
	if !slices.Equal(listed, want) {
		t.Errorf("chrono list --json:\n got %q\nwant %q", listed, want)
	}
	r = chrono(t, db, "", "list")
	var plain []string
	for line := range strings.Lines(r.stdout) {
		for _, id := range want {
			if strings.Contains(line, " "+id+" ") {
				plain = append(plain, id)
				break
			}
		}
	}
	if !slices.Equal(plain, want) {
		t.Errorf("chrono list:\n got %q\nwant %q\n%s", plain, want, r.stdout)
	}
}
