package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"chrono/model"
	"chrono/store"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/go-json-experiment/json"
)

// snapStore is a store with snapshots of its sources kept in memory:
// what chrono verify reads, without the store that keeps them.
type snapStore struct {
	model.Store
	snaps map[string][]fakeSnap
	// journaled has the journal name each fake snapshot, as the entry
	// that attached it would; otherwise the journal is the store's own.
	journaled bool
}

func (s *snapStore) Journal(q model.JournalQuery) ([]model.Entry, error) {
	entries, err := s.Store.Journal(q)
	if err != nil || !s.journaled {
		return entries, err
	}
	for _, fs := range s.snaps {
		for _, f := range fs {
			entries = append(entries, model.Entry{Op: model.OpSnapshot, Snapshots: []model.SnapshotRef{f.Ref()}})
		}
	}
	return entries, nil
}

type fakeSnap struct {
	model.Snapshot
	text, original string
}

func (s *snapStore) Snapshots(source string) ([]model.Snapshot, error) {
	var out []model.Snapshot
	for _, f := range s.snaps[source] {
		out = append(out, f.Snapshot)
	}
	return out, nil
}

func (s *snapStore) snap(source string, n int) (fakeSnap, error) {
	for _, f := range s.snaps[source] {
		if f.N == n {
			return f, nil
		}
	}
	return fakeSnap{}, fmt.Errorf("source %q has no snapshot %d: %w", source, n, model.ErrNotFound)
}

func (s *snapStore) SnapshotText(source string, n int) (io.ReadCloser, error) {
	f, err := s.snap(source, n)
	return io.NopCloser(strings.NewReader(f.text)), err
}

func (s *snapStore) SnapshotOriginal(source string, n int) (io.ReadCloser, error) {
	f, err := s.snap(source, n)
	return io.NopCloser(strings.NewReader(f.original)), err
}

// plainSnap is snapshot n of a source whose original is its text, with
// the hash of what was attached.
func plainSnap(source string, n int, attached, kept string) fakeSnap {
	sum := sha256.Sum256([]byte(attached))
	return fakeSnap{
		Snapshot: model.Snapshot{Source: source, N: n, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(attached)),
			MediaType: "text/plain", Taken: time.Date(2022, 2, n, 9, 0, 0, 0, time.UTC), Origin: "article.txt", TextSize: int64(len(kept)),
			TextSHA256: hex.EncodeToString(sum[:])}, // plain text is its own text
		text: kept, original: kept,
	}
}

// TestVerifyFindsAnAlteredText: the text a page's quotes are checked
// against is kept apart from its bytes; changed, it no longer has the
// hash kept with it, and verify names it though the bytes match. A
// snapshot attached before the text's hash was kept says so.
func TestVerifyFindsAnAlteredText(t *testing.T) {
	page := "<p>We drop bags of cash at your office</p>"
	pageSum, textSum := sha256.Sum256([]byte(page)), sha256.Sum256([]byte("We drop bags of cash at your office"))
	snap := func(n int, textHash string) fakeSnap {
		return fakeSnap{Snapshot: model.Snapshot{Source: "wapo", N: n, SHA256: hex.EncodeToString(pageSum[:]), Size: int64(len(page)),
			MediaType: "text/html", Taken: time.Date(2022, 2, n, 9, 0, 0, 0, time.UTC), Origin: "page.html", TextSize: 35, TextSHA256: textHash},
			original: page, text: "We drop bags of gold at your office"}
	}
	for _, tt := range []struct {
		name, textHash, want string
	}{
		{"kept", hex.EncodeToString(textSum[:]), "source wapo, snapshot 1: MISMATCH: its text, which quotes are checked against, has SHA-256 "},
		{"not kept", "", "matches its bytes; its text has no hash kept (attached before chrono kept one)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fake := &snapStore{Store: exampleStore(t), snaps: map[string][]fakeSnap{"wapo": {snap(1, tt.textHash)}}, journaled: true}
			var out bytes.Buffer
			verifyStore(&verifyOptions{cli: &cli{stdout: &out}}, fake)
			if !strings.Contains(out.String(), tt.want) {
				t.Errorf("verify says:\n%s\nwant %q", out.String(), tt.want)
			}
		})
	}
}

// exampleStore is the example investigation in a new store, opened
// read-only.
func exampleStore(t *testing.T) model.Store {
	t.Helper()
	db := newDB(t)
	if r := chrono(t, db, "", "import", "timeline.example.json"); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	s, err := store.Open(db, store.Options{ReadOnly: true, NoCreate: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestVerifyNoSnapshots: a store with no snapshots lists every quote as
// having none to check against, and exits 0.
func TestVerifyNoSnapshots(t *testing.T) {
	db := newDB(t)
	if r := chrono(t, db, "", "import", "timeline.example.json"); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	r := chrono(t, db, "", "verify")
	if r.code != 0 || !strings.Contains(r.stdout, "no snapshot to check against (17 quotes; source wapo, occupy-democrats): nso-mobileum-call quote 1, ") ||
		!strings.HasSuffix(r.stdout, "17 quotes: 0 verbatim, 0 normalised, 0 not found, 17 unchecked; each against its source's latest snapshot\n") {
		t.Errorf("verify: %+v", r)
	}
}

// wapoText is a text of The Washington Post's quotes of the example as
// a snapshot might have them: one across a line break, one with a soft
// hyphen, one with typographic quotes, and "bags of money" where the
// example quotes "bags of cash".
const wapoText = "The mobile-phone security expert Gary Miller alleges that the offer came during a conference call\n" +
	"in August 2017 between NSO Group officials and representatives of his employer at the time, Mobileum, " +
	"a California-based company that provides security services to cellular companies worldwide.\n\n" +
	"NSO co-founder Omri Lavie allegedly said, “We drop bags of money at your office,” the newspaper reports.\n\n" +
	"“They stated explicitly that their product was designed for surveillance and it was designed to surveil not the good guys but the bad guys,” Miller said.\n\n" +
	"A statement from NSO claims that it has “never done any business with” Mobileum, that it “does not do busi\u00ADness using cash as a form of payment,” " +
	"and is not “aware of any DOJ investigation,” The Post reports."

// TestVerifySnapshots: each quote whose source has a snapshot is checked
// against the latest, with the rules it needed or the diff that shows
// why it is not found; a snapshot whose bytes are not those its hash
// was taken of is named; both exit 1. The same text with the quote put
// right, and the snapshot's bytes intact, verifies.
func TestVerifySnapshots(t *testing.T) {
	s := exampleStore(t)
	fake := &snapStore{Store: s, snaps: map[string][]fakeSnap{
		"wapo": {
			plainSnap("wapo", 1, "the page as it was", "the page as it was later altered"),
			plainSnap("wapo", 2, wapoText, wapoText),
		},
	}, journaled: true}
	var out bytes.Buffer
	err := verifyStore(&verifyOptions{cli: &cli{stdout: &out}}, fake)
	if err == nil || err.Error() != "verify found 1 quote not found in its source's snapshot and 1 snapshot not matching what was kept (listed above): correct a quote not found from its source; a snapshot that does not match was altered or damaged since it was kept: change no quote to agree with it; restore the store from a backup made before, or attach the source again from where it was published" {
		t.Errorf("error: %v", err)
	}
	// With --json nothing is listed above the error: the report is JSON.
	var doc bytes.Buffer
	if err := verifyStore(&verifyOptions{cli: &cli{stdout: &doc}, asJSON: true}, fake); err == nil || !strings.Contains(err.Error(), "(in the JSON report)") || strings.Contains(err.Error(), "listed above") {
		t.Errorf("error with --json: %v", err)
	}
	golden.RequireEqual(t, out.String())

	out.Reset()
	if err := verifyStore(&verifyOptions{cli: &cli{stdout: &out}, asJSON: true}, fake); err == nil {
		t.Error("--json: no error")
	}
	var rep verifyReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("--json: %v\n%s", err, out.String())
	}
	if len(rep.Quotes) != 17 || len(rep.Snapshots) != 2 || rep.Snapshots[0].OK || !rep.Snapshots[1].OK {
		t.Errorf("--json: %+v", rep)
	}
	for _, q := range rep.Quotes {
		if q.Event == "nso-mobileum-call" && q.Quote == 2 {
			if q.State != "not found" || q.Diff != "We drop bags of [-cash-]{+money+} at your office" || q.Range == nil ||
				wapoText[q.Range[0]:q.Range[1]] != "We drop bags of money at your office" || q.Closest != "We drop bags of money at your office" {
				t.Errorf("--json, the misquote: %+v", q)
			}
		}
	}

	fixed := strings.Replace(wapoText, "bags of money", "bags of cash", 1)
	fake.snaps["wapo"] = []fakeSnap{plainSnap("wapo", 1, fixed, fixed)}
	out.Reset()
	if err := verifyStore(&verifyOptions{cli: &cli{stdout: &out}}, fake); err != nil {
		t.Errorf("put right: %v\n%s", err, out.String())
	}
}

// TestVerifyDistrustsQuotesOnAnAlteredSnapshot: a quote checked against
// a snapshot whose bytes no longer match what was kept is marked so, and
// verify no longer tells anyone to correct the quote from it: the quote
// may be right and the snapshot forged (it said "correct the quote from
// the source").
func TestVerifyDistrustsQuotesOnAnAlteredSnapshot(t *testing.T) {
	forged := strings.Replace(wapoText, "conference call", "meeting", 1)
	if forged == wapoText {
		t.Fatal("the forgery changes nothing")
	}
	fake := &snapStore{Store: exampleStore(t), snaps: map[string][]fakeSnap{
		"wapo": {plainSnap("wapo", 1, wapoText, forged)},
	}, journaled: true}
	var out bytes.Buffer
	err := verifyStore(&verifyOptions{cli: &cli{stdout: &out}}, fake)
	if err == nil || strings.Contains(err.Error(), "correct a quote") || !strings.Contains(err.Error(), "change no quote to agree with it") ||
		!strings.Contains(err.Error(), "(2 against a snapshot that does not match what was kept)") {
		t.Errorf("error: %v", err)
	}
	if !strings.Contains(out.String(), "nso-mobileum-call quote 2 (wapo, snapshot 1): not found\n    snapshot 1 does not hold up (above): what this check found cannot be trusted\n") {
		t.Errorf("verify says:\n%s", out.String())
	}
}

// TestVerifyFindsASnapshotReplaced: a snapshot's bytes and the hash kept
// with them changed together in the file still match each other, but no
// longer the hash the journal's chained entry recorded when it was
// attached; and a snapshot no entry records was put there outside
// chrono. verify names both, and exits 1, as quotes are checked against
// the latest.
func TestVerifyFindsASnapshotReplaced(t *testing.T) {
	db := attachedStore(t, "article.txt", wapoText)
	s, err := store.Open(db, store.Options{ReadOnly: true, NoCreate: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	forged := strings.Replace(wapoText, "bags of money", "bags of cash", 1)
	for _, tt := range []struct {
		name  string
		snaps []fakeSnap
		want  string
	}{
		{"replaced", []fakeSnap{plainSnap("wapo", 1, forged, forged)}, "source wapo, snapshot 1: MISMATCH: its original bytes have the SHA-256 kept with them, "},
		{"added", []fakeSnap{plainSnap("wapo", 1, wapoText, wapoText), plainSnap("wapo", 2, forged, forged)}, "source wapo, snapshot 2: MISMATCH: no journal entry records keeping it: it was put in the store outside chrono; restore the store from a backup made before it"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := verifyStore(&verifyOptions{cli: &cli{stdout: &out}}, &snapStore{Store: s, snaps: map[string][]fakeSnap{"wapo": tt.snaps}})
			if err == nil || !strings.Contains(out.String(), tt.want) {
				t.Errorf("verify says (%v):\n%s\nwant %q", err, out.String(), tt.want)
			}
		})
	}
}

// TestVerifyMarkdownAsRead: a Markdown snapshot's quotes are checked
// against its text as read as well as written, so a quote copied from
// the rendered page is found through the emphasis and the link, naming
// the markdown rule; a word changed is still not found.
func TestVerifyMarkdownAsRead(t *testing.T) {
	fixed := strings.Replace(wapoText, "bags of money", "bags of cash", 1)
	for _, tt := range []struct {
		name, md, want string
		found          bool
	}{
		{"emphasis and a link", strings.NewReplacer("bags of cash", "*bags of cash*", "your office", "[your office](https://example.com/)").Replace(fixed),
			"nso-mobileum-call quote 2 (wapo, snapshot 1): normalised (markdown)", true},
		{"a word changed", strings.Replace(wapoText, "bags of money", "*bags of money*", 1), "nso-mobileum-call quote 2 (wapo, snapshot 1): not found", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			snap := plainSnap("wapo", 1, tt.md, tt.md)
			snap.MediaType = model.MediaMarkdown
			fake := &snapStore{Store: exampleStore(t), snaps: map[string][]fakeSnap{"wapo": {snap}}, journaled: true}
			var out bytes.Buffer
			err := verifyStore(&verifyOptions{cli: &cli{stdout: &out}}, fake)
			if (err == nil) != tt.found || !strings.Contains(out.String(), tt.want) {
				t.Errorf("verify: %v, says:\n%s\nwant %q", err, out.String(), tt.want)
			}
		})
	}
}

// lostReads is a store whose snapshot reads fail as a lost connection
// does: for no fault of the snapshot.
type lostReads struct{ model.Store }

func (lostReads) SnapshotText(string, int) (io.ReadCloser, error) {
	return nil, errors.New("connection lost")
}

func (lostReads) SnapshotOriginal(string, int) (io.ReadCloser, error) {
	return nil, errors.New("connection lost")
}

// TestVerifyStopsAtAFailedRead: a read that failed says nothing of the
// snapshot: verify stops with its error, rather than report the snapshot
// as not matching, its quotes as not checked.
func TestVerifyStopsAtAFailedRead(t *testing.T) {
	db := attachedStore(t, "article.txt", wapoText)
	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rep, err := verifyQuotes(lostReads{s})
	if err == nil || !strings.Contains(err.Error(), "connection lost") {
		t.Errorf("verify with its reads failing: %v, %+v", err, rep.Snapshots)
	}
}
