package bolt

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chrono/model"
	"chrono/model/native"
	"chrono/model/synth"
	"chrono/store/storetest"
)

// synthStoreFile makes a closed store of n synthetic events, large enough
// that every bucket has pages of its own.
func synthStoreFile(t testing.TB, n int) string {
	t.Helper()
	var doc bytes.Buffer
	if err := native.Write(&doc, synth.Header(n), synth.Sources(synth.DefaultSeed), synth.Events(synth.DefaultSeed, n)); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "chrono.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	storetest.Import(t, s, storetest.NativeInput("synth.json", doc.Bytes()))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// The layout of a bbolt page, enough to damage its elements: a 16-byte
// header (id, flags, count, overflow), then 16-byte elements whose pos
// (bytes 4-7 of a leaf element, 0-3 of a branch element) is where its key
// starts, counted from the element itself.
const (
	pageHeaderLen = pageHeaderSize
	elementLen    = 16
	branchPage    = 0x01
	leafPage      = 0x02
)

// elementsOutside returns copies of a store file in which one element of
// a page points outside the memory map: its key and value (a leaf's or a
// branch's position moved), or its value alone (a leaf's key size grown,
// so that comparing the key stops at its first bytes, in the map). The
// middle element of every branch and leaf page is damaged, and for leaves
// the first and last too.
func elementsOutside(good []byte) (names []string, files [][]byte) {
	const page = 4096
	for off := 0; off+page <= len(good); off += page {
		flags := binary.LittleEndian.Uint16(good[off+8:])
		count := int(binary.LittleEndian.Uint16(good[off+10:]))
		if (flags != branchPage && flags != leafPage) || count == 0 {
			continue
		}
		fields := map[string]int{"position": 0}
		elements := []int{count / 2}
		if flags == leafPage {
			fields = map[string]int{"position": 4, "key size": 8}
			elements = []int{0, count / 2, count - 1}
		}
		for field, at := range fields {
			for _, i := range elements {
				at := off + pageHeaderLen + i*elementLen + at
				if at+4 > off+page {
					continue
				}
				bad := bytes.Clone(good)
				binary.LittleEndian.PutUint32(bad[at:], binary.LittleEndian.Uint32(bad[at:])+0x20000000)
				names = append(names, fmt.Sprintf("page %d (flags %#x): the %s of element %d of %d", off/page, flags, field, i, count))
				files = append(files, bad)
			}
		}
	}
	return names, files
}

// TestElementOutsideTheMap: a page element whose key lies outside the
// memory map makes bbolt hand out slices that fault when read, wherever
// they are read first: in bbolt, in this package, or in the standard
// library and the JSON decoder this package passes them to (bytes.Equal,
// binary.Uvarint, json.Unmarshal). Each is the file's damage, and is said
// as such; none ends the program.
func TestElementOutsideTheMap(t *testing.T) {
	good, err := os.ReadFile(synthStoreFile(t, 150))
	if err != nil {
		t.Fatal(err)
	}
	names, files := elementsOutside(good)
	path := filepath.Join(t.TempDir(), "damaged.db")
	failed := 0
	for i, data := range files {
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		errs, report := readDamaged(path)
		for _, err := range errs {
			failed++
			switch {
			case errors.Is(err, model.ErrNotFound):
				// An ids key damaged: the event is listed but not
				// found by its id, which the check must tell.
				if report == nil || report.OK() {
					t.Errorf("%s: %v, and the check found nothing", names[i], err)
				}
			case !errors.Is(err, model.ErrDamaged) || !strings.Contains(err.Error(), "store "+path+" is damaged ("):
				t.Errorf("%s: %v\nwant: store %s is damaged (...)", names[i], err, path)
			}
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
			t.Errorf("%s: the damaged file was changed", names[i])
		}
	}
	t.Logf("%d damaged files, %d reads failed as damage", len(files), failed)
}

// readDamaged opens the store at path read-only, reads everything from
// it and checks it, returning the errors, any panic as one, and what the
// check found.
func readDamaged(path string) (errs []error, report *model.CheckReport) {
	defer func() {
		if r := recover(); r != nil {
			errs = append(errs, fmt.Errorf("panicked: %v", r))
		}
	}()
	s, err := Open(path, Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return []error{err}, nil
	}
	defer s.Close()
	errs = readEverything(s)
	keep := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	_, err = s.Sources()
	keep(err)
	_, err = s.Trash()
	keep(err)
	_, err = s.Journal(model.JournalQuery{})
	keep(err)
	for _, q := range []model.Query{{Text: "zzz-nowhere"}, {Actors: []string{"nobody"}}, {Statuses: []model.Status{model.Statuses[0]}}} {
		_, _, err = s.Find(q, model.Position{}, false, 1_000_000)
		keep(err)
	}
	r, err := s.Check()
	keep(err)
	return errs, &r
}
