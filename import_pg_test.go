package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chrono/model"
	"chrono/store"
)

// An import's problems read FILE:LINE:COL: … at the start of each line
// into a database as into a file, for editors that jump to them.
func TestImportProblemsInDatabaseStartWithTheirPlace(t *testing.T) {
	addr, name := pgDB(t)
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"chrono":1,"events":[{"id":"a","title":"x","date":"2020-13"},{"id":"b","staus":"confirmed","title":"y"}]}`), 0o600)
	r := chrono(t, addr, "", "--investigation", name, "import", bad)
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if r.code == 0 || len(lines) != 3 {
		t.Fatalf("import: exit %d\n%s", r.code, r.stderr)
	}
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l, bad+":1:") {
			t.Errorf("a problem does not start with its place: %q", l)
		}
	}
}

// TestDryRunIntoANewInvestigation: a dry run into an investigation the
// database does not hold yet is tried against an empty one, as into a
// new file, and makes none; it stopped at "no investigation".
func TestDryRunIntoANewInvestigation(t *testing.T) {
	addr, name := pgDB(t)
	fresh := name + "-new"
	r := chrono(t, addr, "", "--investigation", fresh, "import", "--dry-run", "timeline.example.json")
	if r.code != 0 || !strings.Contains(r.stdout, "would import 13 events (13 new") || !strings.Contains(r.stderr, "(investigation "+fresh+") yet: a dry run against an empty one") {
		t.Errorf("dry run into a new investigation: exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
	if r := chrono(t, addr, "", "investigations"); strings.Contains(r.stdout, fresh+"\t") {
		t.Errorf("the dry run made the investigation:\n%s", r.stdout)
	}
}

// TestAFailedRestoreLeavesNoInvestigation: a backup whose restore into a
// new investigation fails (an actor with a NUL, which PostgreSQL cannot
// keep, taken by an earlier chrono) leaves no empty investigation behind
// under the name, as a failed import leaves none.
func TestAFailedRestoreLeavesNoInvestigation(t *testing.T) {
	addr, name := pgDB(t)
	dir := t.TempDir()
	old := filepath.Join(dir, "old.db")
	s, err := store.Open(old, store.Options{Author: "ana"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Write(model.OpAdd, "added an event", func(tx model.Tx) error {
		if err := tx.SetHeader(model.Header{Title: "Old case"}); err != nil {
			return err
		}
		return tx.PutEvent(model.Event{ID: "e", Title: "E", Actors: []string{"A\x00B"}})
	})
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(dir, "old-backup.db")
	mustChrono(t, old, "backup", "-o", backup)
	if r := chrono(t, addr, "", "--investigation", name, "import", backup); r.code == 0 || !strings.Contains(r.stderr, "holds a NUL character (U+0000), which PostgreSQL cannot keep") {
		t.Fatalf("the restore of a NUL into PostgreSQL worked: %+v", r)
	}
	if r := chrono(t, addr, "", "investigations"); strings.Contains(r.stdout, name) {
		t.Errorf("the failed restore left its investigation:\n%s", r.stdout)
	}
}

// TestANewInvestigationIsSaid: an investigation made in a database by a
// command that writes is said on stderr, as a new store file is, so that
// a mistyped --investigation is not taken for the case's.
func TestANewInvestigationIsSaid(t *testing.T) {
	addr, name := pgDB(t)
	r := mustChrono(t, addr, "--investigation", name, "import", "timeline.example.json")
	if !strings.Contains(r.stderr, "started a new investigation, ") || !strings.Contains(r.stderr, "(investigation "+name+"): there was none of that name") {
		t.Errorf("the first import: stderr %q", r.stderr)
	}
	for _, args := range [][]string{{"import", "timeline.example.json"}, {"add", "--title", "Another", "--date", "2020"}} {
		if r := mustChrono(t, addr, append([]string{"--investigation", name}, args...)...); strings.Contains(r.stderr, "started a new") {
			t.Errorf("%v into it again: stderr %q", args, r.stderr)
		}
	}
	if r := mustChrono(t, addr, "--investigation", name+"-typo", "add", "--title", "Lost", "--date", "2020"); !strings.Contains(r.stderr, "started a new investigation") {
		t.Errorf("an add into a mistyped name: stderr %q", r.stderr)
	}
	// An import that fails makes none, and says none.
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"chrono":1,"events":[{"id":"a","title":"x","date":"2020-13"}]}`), 0o600)
	if r := chrono(t, addr, "", "--investigation", name+"-failed", "import", bad); r.code == 0 || strings.Contains(r.stderr, "started a new") {
		t.Errorf("a failed import: exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestImportAlikeRecordsKeepTheirEventsInDatabase: records alike in
// their datetime, timestamp_desc and message keep their events through a
// re-import in another order into a database as into a file.
func TestImportAlikeRecordsKeepTheirEventsInDatabase(t *testing.T) {
	alikeRecordsKeepTheirEvents(t, func(t *testing.T) (string, []string) {
		addr, name := pgDB(t)
		return addr, []string{"--investigation", name}
	})
}

// TestImportAlikeGroupGrowsOrShrinksInDatabase: records alike are told
// apart by their attributes when their number changes, in a database as
// in a file.
func TestImportAlikeGroupGrowsOrShrinksInDatabase(t *testing.T) {
	alikeGroupGrowsOrShrinks(t, func(t *testing.T) (string, []string) {
		addr, name := pgDB(t)
		return addr, []string{"--investigation", name}
	})
}

// TestImportAlikeRecordEditedInChronoInDatabase: a record alike others,
// its event edited in chrono, keeps its event through a re-import in
// another order into a database as into a file.
func TestImportAlikeRecordEditedInChronoInDatabase(t *testing.T) {
	alikeRecordEditedInChrono(t, func(t *testing.T) (string, []string) {
		addr, name := pgDB(t)
		return addr, []string{"--investigation", name}
	})
}

// TestImportAlikeRecordTrashedKeepsOthersInDatabase: a record alike
// others, its event in the trash, leaves the others their events through
// a re-import in another order into a database as into a file.
func TestImportAlikeRecordTrashedKeepsOthersInDatabase(t *testing.T) {
	alikeRecordTrashedKeepsOthers(t, func(t *testing.T) (string, []string) {
		addr, name := pgDB(t)
		return addr, []string{"--investigation", name}
	})
}
