package bolt

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chrono/model"
)

// TestDamagedFiles opens copies of a store cut short or with a byte
// flipped in every page, and reads everything from each: chrono must not
// crash (bbolt faults on a file cut short and panics on nonsense pages),
// must say which file is damaged and what to do, and must not change it.
func TestDamagedFiles(t *testing.T) {
	good, err := os.ReadFile(storeFile(t))
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	type damage struct {
		name string
		data []byte
	}
	var cases []damage
	for _, n := range []int{page + 100, 2 * page, len(good) / 2, len(good) - page, len(good) - 1} {
		cases = append(cases, damage{"cut to " + model.Thousands(int64(n)) + " bytes", good[:n]})
	}
	for off := 0; off < len(good); off += page {
		for _, at := range []int{0, 8, 16, 20, 40, 56, 100, 700, 2000, 4000} {
			flipped := bytes.Clone(good)
			flipped[off+at] ^= 0xff
			cases = append(cases, damage{"byte " + model.Thousands(int64(off+at)) + " flipped", flipped})
		}
	}
	dir := t.TempDir()
	refused, failed := 0, 0
	for _, c := range cases {
		for _, readOnly := range []bool{true, false} {
			path := filepath.Join(dir, "damaged.db")
			if err := os.WriteFile(path, c.data, 0o600); err != nil {
				t.Fatal(err)
			}
			s, err := Open(path, Options{ReadOnly: readOnly, Timeout: time.Second})
			if err != nil {
				refused++
				checkDamageError(t, c.name, path, err)
				if after, _ := os.ReadFile(path); !bytes.Equal(after, c.data) {
					t.Errorf("%s: Open changed the file it refused", c.name)
				}
				continue
			}
			for _, err := range readEverything(s) {
				failed++
				checkDamageError(t, c.name, path, err)
			}
			s.Close()
		}
	}
	t.Logf("%d damaged files: %d opens refused, %d reads failed with an error, none crashed", len(cases), refused, failed)
}

// checkDamageError: an error about a damaged file names it, says it is
// damaged (or perhaps not a store at all) and what to do. An event the
// list has and its id does not find is for the check to tell.
func checkDamageError(t *testing.T, name, path string, err error) {
	t.Helper()
	msg := err.Error()
	switch {
	case errors.Is(err, model.ErrNotFound):
		return
	case errors.Is(err, model.ErrNotChrono) && !errors.Is(err, model.ErrDamaged):
		if !strings.Contains(msg, path) {
			t.Errorf("%s: error %q does not name the file %s", name, msg, path)
		}
		return
	}
	if !errors.Is(err, model.ErrDamaged) || !strings.Contains(msg, "store "+path+" is damaged") || !strings.Contains(msg, "nothing was changed; restore it from a backup") {
		t.Errorf("%s: error %q does not say the file %s is damaged and what to do", name, msg, path)
	}
}

// readEverything runs every read the CLI and the browser make over the
// whole store, and returns the errors.
func readEverything(s *Store) []error {
	var errs []error
	keep := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	_, err := s.Header()
	keep(err)
	_, err = s.Count(model.Query{})
	keep(err)
	var ids []string
	for e, err := range s.Events(model.Query{}) {
		if err != nil {
			keep(err)
			break
		}
		ids = append(ids, e.ID)
	}
	for _, id := range ids {
		_, err := s.Detail(id)
		keep(err)
	}
	_, err = s.Window(model.Query{}, model.Position{}, true, 20, 20)
	keep(err)
	for _, kind := range []model.FacetKind{model.FacetTags, model.FacetActors, model.FacetStatuses} {
		_, err := s.Facets(kind)
		keep(err)
	}
	_, err = s.Periods(model.Query{})
	keep(err)
	_, _, err = s.Find(model.Query{Text: "cash"}, model.Position{}, false, 1000)
	keep(err)
	_, _, err = s.CountFrom(model.Query{Tags: []string{"fbi"}}, model.Position{}, 1000)
	keep(err)
	_, err = s.Journal(model.JournalQuery{})
	keep(err)
	_, err = s.Journal(model.JournalQuery{MostEvents: 1})
	keep(err)
	for _, id := range ids {
		_, err := s.Journal(model.JournalQuery{Event: id})
		keep(err)
	}
	_, err = s.Entry(1)
	keep(err)
	_, err = s.VerifyJournal()
	keep(err)
	for _, err := range s.StoredEntries() {
		keep(err)
	}
	return errs
}

// TestNotTheStoresPanic: a panic that begins outside the store (here, in
// the loop body of a caller of Events) goes on as it was, not reported as
// a damaged file.
func TestNotTheStoresPanic(t *testing.T) {
	s := newStore(t)
	defer func() {
		if r := recover(); r != "the caller's own" {
			t.Errorf("recovered %v, want the caller's panic", r)
		}
	}()
	for range s.Events(model.Query{}) {
		panic("the caller's own")
	}
}

// TestFirstMetaPageDamaged: with the first meta page's page size garbled,
// the file is still a store bbolt can open from its second meta page.
func TestFirstMetaPageDamaged(t *testing.T) {
	path := storeFile(t)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b[pageHeaderSize+9] ^= 0xff // the page size's second byte
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	if n, err := s.Count(model.Query{}); err != nil || n != 13 {
		t.Errorf("Count = %d, %v; want 13", n, err)
	}
}

// TestCallersPanicInTheLibraryGoesOn: a caller's loop body that panics
// inside the standard library is still the caller's panic, though the
// store's frames lie beneath it.
func TestCallersPanicInTheLibraryGoesOn(t *testing.T) {
	s := newStore(t)
	defer func() {
		if r := recover(); r == nil || strings.Contains(fmt.Sprint(r), "damaged") {
			t.Errorf("recovered %v, want the caller's panic from strings.Repeat", r)
		}
	}()
	n := -1
	for range s.Events(model.Query{}) {
		_ = strings.Repeat("x", n)
	}
}

// TestImportParsersPanicGoesOn: a panic in an import's parser is the
// parser's, not the store's. (The store is not closed after: the panic
// left its write transaction open.)
func TestImportParsersPanicGoesOn(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "chrono.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if r := recover(); r != "the parser's own" {
			t.Errorf("recovered %v, want the parser's panic", r)
		}
	}()
	s.Import([]model.Input{{Name: "x.json", Read: func(model.Sink) error { panic("the parser's own") }}}, model.ImportOptions{})
}

// TestPackageOf: the package of each kind of frame the guard walks.
func TestPackageOf(t *testing.T) {
	for fn, want := range map[string]string{
		"encoding/binary.Uvarint": "encoding/binary",
		"bytes.Compare":           "bytes",
		"cmpbody":                 "cmpbody",
		"go.etcd.io/bbolt.(*Cursor).nsearch.func2":                         "go.etcd.io/bbolt",
		"chrono/store/bolt.(*Store).view.func1":                            "chrono/store/bolt",
		"chrono/store/bolt.read[go.shape.struct { chrono/model.X }]":       "chrono/store/bolt",
		"github.com/go-json-experiment/json/jsontext.(*Decoder).ReadToken": "github.com/go-json-experiment/json/jsontext",
		"main.run": "main",
	} {
		if got := packageOf(fn); got != want {
			t.Errorf("packageOf(%q) = %q, want %q", fn, got, want)
		}
	}
}

// TestCutShortAdvice: a store cut short is refused with advice that holds
// for it: neither chrono check --store nor export reads one, and both
// said to run them refused it with the same words, sending the user
// round in a circle.
func TestCutShortAdvice(t *testing.T) {
	good, err := os.ReadFile(storeFile(t))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "cut.db")
	if err := os.WriteFile(path, good[:3*4096], 0o600); err != nil { // the meta pages and a page
		t.Fatal(err)
	}
	_, err = Open(path, Options{ReadOnly: true, Timeout: time.Second})
	if !errors.Is(err, model.ErrDamaged) || !strings.Contains(err.Error(), "cut short") ||
		strings.Contains(err.Error(), "chrono check --store") || strings.Contains(err.Error(), "chrono export") ||
		!strings.Contains(err.Error(), "restore it from a backup made before the damage") {
		t.Errorf("a store cut short: %v", err)
	}
}

// TestCheckSaysAFaultWithoutSendingToItself: the check reports a page it
// cannot read as such, not with the advice to run the check.
func TestCheckSaysAFaultWithoutSendingToItself(t *testing.T) {
	if got := damageOf(damaged("x.db", "runtime error: index out of range")); got != "a page could not be read (runtime error: index out of range)" {
		t.Errorf("damageOf: %q", got)
	}
	if got := damageOf(errors.New("other")); got != "other" {
		t.Errorf("damageOf of another error: %q", got)
	}
}

// TestUnreadableFreelistAdvice: a store whose freelist cannot be read is
// refused where it is opened, by check and export too: its advice names
// neither.
func TestUnreadableFreelistAdvice(t *testing.T) {
	good, err := os.ReadFile(storeFile(t))
	if err != nil {
		t.Fatal(err)
	}
	// Both meta pages (at the page offsets, after each page's header)
	// say the freelist is on page 1, a meta page, their checksums made
	// again so that they read as sound.
	const page = 4096
	for _, at := range []int{0, page} {
		m := good[at+pageHeaderSize:]
		binary.LittleEndian.PutUint64(m[metaFreelist:], 1)
		h := fnv.New64a()
		h.Write(m[:metaChecksum])
		binary.LittleEndian.PutUint64(m[metaChecksum:], h.Sum64())
	}
	path := filepath.Join(t.TempDir(), "freelist.db")
	if err := os.WriteFile(path, good, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = Open(path, Options{ReadOnly: true, Timeout: time.Second})
	if !errors.Is(err, model.ErrDamaged) || !strings.Contains(err.Error(), "freelist") ||
		strings.Contains(err.Error(), "chrono check --store") || strings.Contains(err.Error(), "chrono export") {
		t.Errorf("a store whose freelist cannot be read: %v", err)
	}
}
