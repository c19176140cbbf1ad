package main

import (
	"fmt"
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/quotecheck"
	"chrono/store/bolt"
	"chrono/store/snapshots"

	"github.com/charmbracelet/x/exp/golden"
)

// TestShowSaysQuoteChecks: chrono show says under each quote what
// checking it against its source's latest snapshot found, in the words
// of the browser's sources pane: verbatim, normalised with the rules it
// needed, not found with the closest passage, no snapshot or no source
// to check it against. Update with go test . -run TestShowSaysQuoteChecks
// -update.
func TestShowSaysQuoteChecks(t *testing.T) {
	db := attachedStore(t, "article.txt", wapoText)
	for _, args := range [][]string{
		{"quote", "add", "nso-mobileum-call", "--text", "Nothing to check this against", "--source", "occupy-democrats"},
		{"quote", "add", "nso-mobileum-call", "--text", "Nor this"},
	} {
		if r := chrono(t, db, "", args...); r.code != 0 {
			t.Fatalf("%v: %+v", args, r)
		}
	}
	r := chrono(t, db, "", "show", "nso-mobileum-call")
	if r.code != 0 {
		t.Fatalf("show: %+v", r)
	}
	golden.RequireEqual(t, r.stdout)
}

// TestShowSaysADamagedSnapshot: a quote checked against a snapshot whose
// bytes are not those its hash was taken of is said to be checked
// against a damaged one, as the browser says it, never plainly found.
func TestShowSaysADamagedSnapshot(t *testing.T) {
	db := attachedStore(t, "article.txt", wapoText)
	alterSnapshot(t, db, "wapo", 1, snapshots.Original, strings.Replace(wapoText, "bags of money", "bags of cash", 1))
	r := chrono(t, db, "", "show", "nso-mobileum-call")
	said := strings.Join(strings.Fields(r.stdout), " ") // as wrapped to 80 columns
	if r.code != 0 || !strings.Contains(said, "✗ snapshot 1 is damaged: its original bytes have SHA-256 ") ||
		!strings.Contains(said, "what it finds cannot be trusted: ≈ normalised in snapshot 1: whitespace") {
		t.Errorf("show of a quote in a damaged snapshot: %+v", r)
	}
}

// TestShowSaysAReplacedSnapshot: a snapshot whose bytes and kept hashes
// were replaced together matches itself, but not the hashes the
// journal's entry recorded when it was kept. chrono show said its quote
// was verbatim there, where the browser and verify call it damaged; it
// says what the browser says, and exits 0, as it does for a misquote.
func TestShowSaysAReplacedSnapshot(t *testing.T) {
	db := attachedStore(t, "article.txt", wapoText)
	was, now := replaceSnapshot(t, db, strings.Replace(wapoText, "bags of money", "bags of cash", 1))
	r := chrono(t, db, "", "show", "nso-mobileum-call")
	said := strings.Join(strings.Fields(r.stdout), " ") // as wrapped to 80 columns
	want := fmt.Sprintf("✗ snapshot 1 is damaged: its original bytes have the SHA-256 kept with them, %s, but journal entry #", now)
	if r.code != 0 || !strings.Contains(said, want) || !strings.Contains(said, fmt.Sprintf(" recorded %s when it was kept: both were replaced outside chrono", was)) ||
		!strings.Contains(said, "what it finds cannot be trusted: = verbatim in snapshot 1") {
		t.Errorf("show of a quote in a replaced snapshot: %+v\nwant %q", r, want)
	}
}

// TestShowTrustsNoRecordPastTheBreak: a snapshot replaced with its
// hashes, and the journal entry that kept it rewritten to record the
// forgery's with its own hash recomputed, agree with each other; only
// the journal's chain shows it, breaking at the next entry's link.
// chrono show said the quote was verbatim in the forgery, where verify
// and the browser say the record vouches for nothing.
func TestShowTrustsNoRecordPastTheBreak(t *testing.T) {
	db := attachedStore(t, "article.txt", wapoText)
	mustChrono(t, db, "tag", "fbi-tip", "checked") // an entry after the attach, whose link shows the rewrite
	attach := replaceSnapshotAndRecord(t, db, strings.Replace(wapoText, "bags of money", "bags of cash", 1))
	r := chrono(t, db, "", "show", "nso-mobileum-call")
	said := strings.Join(strings.Fields(r.stdout), " ") // as wrapped to 80 columns
	want := fmt.Sprintf("✗ snapshot 1 is damaged: journal entry #%d recorded its hashes when it was kept, but the journal's chain breaks at entry #%d (link), so that record may have been rewritten with it and vouches for nothing", attach, attach+1)
	if r.code != 0 || !strings.Contains(said, want) || !strings.Contains(said, "what it finds cannot be trusted: ≈ normalised in snapshot 1") {
		t.Errorf("show of a quote in a snapshot replaced with its record: %+v\nwant %q", r, want)
	}
}

// TestShowSaysNoCheckWithoutSnapshots: until some source has a
// snapshot, chrono show, as the browser, says of no quote that it has
// none to be checked against.
func TestShowSaysNoCheckWithoutSnapshots(t *testing.T) {
	db := newDB(t)
	if r := chrono(t, db, "", "import", "timeline.example.json"); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	r := chrono(t, db, "", "show", "nso-mobileum-call")
	if r.code != 0 || strings.Contains(r.stdout, "snapshot") {
		t.Errorf("show with no snapshot in the store: %+v", r)
	}
}

// snapshotLists is a store that counts the lists of a source's snapshots
// read through it.
type snapshotLists struct {
	*bolt.Store
	read int
}

// Snapshots counts the list read, then reads it.
func (s *snapshotLists) Snapshots(source string) ([]model.Snapshot, error) {
	s.read++
	return s.Store.Snapshots(source)
}

// TestShowReadsNoSnapshotListPerSource: whether any source has a
// snapshot, which decides whether show says a quote has none to be
// checked against, is asked of the store in one read. Show read each
// source's list of snapshots for it, on a database a query each.
func TestShowReadsNoSnapshotListPerSource(t *testing.T) {
	for _, tt := range []struct {
		name      string
		db        func(t *testing.T) string
		id        string
		unchecked bool // each quote said to have no snapshot to check against
	}{
		{"no snapshot in the store", func(t *testing.T) string {
			db := newDB(t)
			mustChrono(t, db, "import", "timeline.example.json")
			return db
		}, "nso-mobileum-call", false},
		{"none of the sources the event cites", func(t *testing.T) string {
			return attachedStore(t, "article.txt", wapoText) // wapo's; fbi-tip cites occupy-democrats
		}, "fbi-tip", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st, err := bolt.Open(tt.db(t), bolt.Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			s := &snapshotLists{Store: st}
			d, err := s.Detail(tt.id)
			if err != nil {
				t.Fatal(err)
			}
			checks, err := quoteChecks(s, d)
			if err != nil {
				t.Fatal(err)
			}
			if unchecked := len(checks) > 0 && checks[len(checks)-1].State == quotecheck.NoSnapshot; unchecked != tt.unchecked || s.read != 0 {
				t.Errorf("checks %+v after reading %d lists of snapshots; want none read, and each quote said to have no snapshot: %v", checks, s.read, tt.unchecked)
			}
		})
	}
}
