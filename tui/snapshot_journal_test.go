package tui

import (
	"crypto/sha256"
	"fmt"
	"io"
	"strings"
	"testing"

	"chrono/model"
)

// journaledStore is textStore whose snapshots keep the hashes of their
// texts (their original bytes are the texts), and whose journal records
// keeping them with the hashes in recorded.
type journaledStore struct {
	textStore
	recorded []model.SnapshotRef
	reads    *int // how many times the journal was read
}

func sha(text string) string {
	h := sha256.Sum256([]byte(text))
	return fmt.Sprintf("%x", h)
}

func (s journaledStore) Snapshots(source string) ([]model.Snapshot, error) {
	snaps, err := s.textStore.Snapshots(source)
	for i := range snaps {
		text := s.texts[source][i]
		snaps[i].SHA256, snaps[i].Size = sha(text), int64(len(text))
		snaps[i].TextSHA256 = sha(text)
	}
	return snaps, err
}

func (s journaledStore) SnapshotOriginal(source string, n int) (io.ReadCloser, error) {
	return s.SnapshotText(source, n)
}

func (s journaledStore) Journal(q model.JournalQuery) ([]model.Entry, error) {
	*s.reads++
	var out []model.Entry
	for i, ref := range s.recorded {
		if e := (model.Entry{Seq: uint64(i + 1), Snapshots: []model.SnapshotRef{ref}}); q.Matches(&e) {
			out = append(out, e)
		}
	}
	return out, nil
}

func (s journaledStore) Location() string { return "journaled-test-store" }

// TestQuoteInAReplacedSnapshot: a snapshot whose bytes and kept hashes
// were replaced together matches itself; the browser's mark of a quote
// in it compares the hashes with what the journal recorded when it was
// kept, as verify does, and says the snapshot is damaged. The journal is
// read once, then for what it gained since.
func TestQuoteInAReplacedSnapshot(t *testing.T) {
	snapshotJournals.m.Clear()
	t.Cleanup(snapshotJournals.m.Clear)
	forged := strings.Replace(sourceText, "bags of cash", "bags of money", 1)
	reads := 0
	s := journaledStore{
		textStore: textStore{texts: map[string][]string{"wapo": {forged}, "nyt": {sourceText}}},
		recorded:  []model.SnapshotRef{{Source: "wapo", N: 1, SHA256: sha(sourceText), TextSHA256: sha(sourceText)}, {Source: "nyt", N: 1, SHA256: sha(sourceText), TextSHA256: sha(sourceText)}},
		reads:     &reads,
	}
	q := model.Quote{Text: "bags of money", Source: "wapo"}
	si, _, err := indexOf(s, nil, "wapo")
	if err != nil {
		t.Fatal(err)
	}
	if w := markQuote(q, si).Words(); !strings.HasPrefix(w, "✗ snapshot 1 is damaged: its original bytes have the SHA-256 kept with them") || !strings.Contains(w, "journal entry #1 recorded") {
		t.Errorf("the mark of a quote in a replaced snapshot says %q", w)
	}

	reads = 0
	si, _, err = indexOf(s, nil, "nyt")
	if err != nil {
		t.Fatal(err)
	}
	if w := markQuote(model.Quote{Text: "bags of cash", Source: "nyt"}, si).Words(); strings.Contains(w, "damaged") {
		t.Errorf("the mark of a quote in a sound snapshot says %q", w)
	}
	if reads != 0 {
		t.Errorf("the journal was read %d times for a snapshot it was read for already", reads)
	}

	// A snapshot kept since: the journal is read for it.
	s.texts["ap"] = []string{sourceText}
	s.recorded = append(s.recorded, model.SnapshotRef{Source: "ap", N: 1, SHA256: sha(sourceText), TextSHA256: sha(sourceText)})
	si, _, err = indexOf(s, nil, "ap")
	if err != nil {
		t.Fatal(err)
	}
	if w := markQuote(model.Quote{Text: "bags of cash", Source: "ap"}, si).Words(); strings.Contains(w, "damaged") {
		t.Errorf("the mark of a quote in a snapshot kept since says %q", w)
	}

	// One no entry records.
	s.texts["rt"] = []string{sourceText}
	si, _, err = indexOf(s, nil, "rt")
	if err != nil {
		t.Fatal(err)
	}
	if w := markQuote(model.Quote{Text: "bags of cash", Source: "rt"}, si).Words(); !strings.Contains(w, "damaged: no journal entry records keeping it") {
		t.Errorf("the mark of a quote in a snapshot no entry records says %q", w)
	}
}
