package main

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"chrono/model"
	"chrono/store"
	"chrono/tui/sshd"
)

// TestEmptyTrashKeepsExportsImportable: with an event in the trash, an
// export leaves out the links to it and says so, and imports into a new
// store; emptying the trash removes the links to the event, names them,
// and records them in the journal, and the store's exports still import.
func TestEmptyTrashKeepsExportsImportable(t *testing.T) {
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	if r := chrono(t, db, "", "rm", "nso-denial"); r.code != 0 {
		t.Fatalf("rm: %+v", r)
	}
	roundTrip := func(when string) {
		t.Helper()
		for _, format := range []string{"json", "timesketch"} {
			file := filepath.Join(t.TempDir(), "x."+format)
			r := chrono(t, db, "", "export", "--format", format, "-o", file)
			if r.code != 0 {
				t.Fatalf("%s: export --format %s: %+v", when, format, r)
			}
			if left := strings.Contains(r.stderr, "1 link to an event in the trash left out"); left != (when == "in the trash") {
				t.Errorf("%s: export --format %s says %q", when, format, r.stderr)
			}
			if r := chrono(t, newDB(t), "", "import", file); r.code != 0 || !strings.Contains(r.stdout, "imported 12 events (12 new") {
				t.Errorf("%s: import of the %s export into a new store: %+v", when, format, r)
			}
		}
	}
	roundTrip("in the trash")

	r := chrono(t, db, "", "trash", "--empty")
	// Said, and journaled, as the browser says it: for good.
	if want := "emptied the trash of 1 event (for good) (#3)\nremoved 1 link to it from 1 event:\n  nso-mobileum-call disputed-by nso-denial\n"; r.code != 0 || r.stdout != want {
		t.Errorf("trash --empty: %+v\nwant stdout %q", r, want)
	}
	if r := chrono(t, db, "", "show", "nso-mobileum-call"); r.code != 0 || strings.Contains(r.stdout, "nso-denial") {
		t.Errorf("show after the purge still names nso-denial: %+v", r)
	}
	if r := chrono(t, db, "", "log", "-n", "1"); !strings.Contains(r.stdout, "nso-denial removed for good") || !strings.Contains(r.stdout, "nso-mobileum-call changed: links") {
		t.Errorf("the purge's journal entry: %+v", r)
	}
	if r := chrono(t, db, "", "check"); r.code != 0 || !strings.Contains(r.stdout, "links: every link names an event on the timeline or in the trash\n") {
		t.Errorf("check after the purge: %+v", r)
	}
	roundTrip("purged")
}

// TestCheckFindsLinksToNoEvent: a store whose purge, by an older chrono,
// left a link to an event that is gone: check names it with its event
// and number and how to remove it; an import of the store's export says
// what to do; once the link is removed as check says, the export
// imports.
func TestCheckFindsLinksToNoEvent(t *testing.T) {
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	s, err := store.Open(db, store.Options{Author: "older@chrono"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Write(model.OpPurge, "an older purge", func(tx model.Tx) error {
		e, err := tx.Event("fbi-tip")
		if err != nil {
			return err
		}
		e.Links = append(slices.Clone(e.Links), model.Link{Rel: model.Related, Event: "purged-long-ago"})
		return tx.PutEvent(e)
	})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}

	r := chrono(t, db, "", "check", "--store")
	if want := `links: event "fbi-tip": link #2: related "purged-long-ago": no such event, on the timeline or in the trash: remove it with chrono unlink fbi-tip related purged-long-ago` + "\n"; r.code != 1 ||
		!strings.Contains(r.stdout, want) || !strings.Contains(r.stderr, "1 link names an event that no longer exists") {
		t.Errorf("check: %+v\nwant the line %q", r, want)
	}
	file := filepath.Join(t.TempDir(), "x.json")
	chrono(t, db, "", "export", "-o", file)
	r = chrono(t, newDB(t), "", "import", file)
	if r.code != 1 || !strings.Contains(r.stderr, `event "fbi-tip" (#6): link #2: event "purged-long-ago": no such event`) ||
		!strings.Contains(r.stderr, "chrono check on the store it came from lists such links and how to remove them") {
		t.Errorf("import of the export: %+v", r)
	}

	if r := chrono(t, db, "", "unlink", "fbi-tip", "related", "purged-long-ago"); r.code != 0 {
		t.Fatalf("unlink as check says: %+v", r)
	}
	if r := chrono(t, db, "", "check", "--store"); r.code != 0 {
		t.Errorf("check after the unlink: %+v", r)
	}
	chrono(t, db, "", "export", "--force", "-o", file)
	if r := chrono(t, newDB(t), "", "import", file); r.code != 0 {
		t.Errorf("import of the export after the unlink: %+v", r)
	}
}

// TestMergedStoreLeavesOutLinksToItsTrash: a store file merged into a
// store in use carries no trash, so its links to the events in its trash
// are left out, and said.
func TestMergedStoreLeavesOutLinksToItsTrash(t *testing.T) {
	from := newDB(t)
	chrono(t, from, "", "import", "timeline.example.json")
	chrono(t, from, "", "rm", "nso-denial")
	db := newDB(t)
	if r := chrono(t, db, "", "new", db, "--title", "Another case"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	r := chrono(t, db, "", "import", from)
	if r.code != 0 || !strings.Contains(r.stdout, "imported 12 events (12 new") || !strings.Contains(r.stdout, "1 link to an event in the trash left out") {
		t.Errorf("merge of a store with an event in its trash: %+v", r)
	}
}

// TestFilteredExportSaysWhyItsLinksFail: an export by tag keeps its
// events' links to events the tag leaves out; imported into a new store
// it is refused, saying that this is why and what to do.
func TestFilteredExportSaysWhyItsLinksFail(t *testing.T) {
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	file := filepath.Join(t.TempDir(), "fbi.json")
	if r := chrono(t, db, "", "export", "--tag", "fbi", "-o", file); r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	r := chrono(t, newDB(t), "", "import", file)
	if r.code != 1 || !strings.Contains(r.stderr, "no such event") || !strings.Contains(r.stderr, "exported by chrono with --tag or --status") {
		t.Errorf("import of an export by tag: %+v", r)
	}
}

// TestShowSaysALinkedEventIsInTheTrash: a link to an event in the trash
// names it, and says how to bring it back, where a link to no event at
// all says the store has none.
func TestShowSaysALinkedEventIsInTheTrash(t *testing.T) {
	db := disputedInTrash(t)
	r := mustChrono(t, db, "show", "b")
	if want := "disputes a: The call (in the trash)"; !strings.Contains(r.stdout, want) {
		t.Errorf("show b:\n%s\nwant %q in it", r.stdout, want)
	}
	if want := "a in the trash: chrono restore a brings it back"; !strings.Contains(r.stderr, want) {
		t.Errorf("show b: stderr %q, want %q in it", r.stderr, want)
	}
}

// TestShowOverSSHSaysTheBrowserRestores: over SSH, where no chrono
// command is the user's, show points to the browser's trash.
func TestShowOverSSHSaysTheBrowserRestores(t *testing.T) {
	db := disputedInTrash(t)
	var stdout, stderr bytes.Buffer
	if code := runServed(sshd.Investigation{Name: "case", Path: db}, []string{"show", "b"}, &stdout, &stderr); code != 0 {
		t.Fatalf("show b over SSH: exit %d\n%s", code, stderr.String())
	}
	if want := "a in the trash: D in the browser shows it"; !strings.Contains(stderr.String(), want) || strings.Contains(stderr.String(), "chrono restore") {
		t.Errorf("show b over SSH: stderr %q, want %q and no chrono command", stderr.String(), want)
	}
}

// disputedInTrash is a store where event b disputes event a, which is in
// the trash.
func disputedInTrash(t *testing.T) string {
	t.Helper()
	db := newDB(t)
	mustChrono(t, db, "add", "--id", "a", "--title", "The call", "--date", "2017")
	mustChrono(t, db, "add", "--id", "b", "--title", "The denial", "--date", "2018")
	mustChrono(t, db, "link", "b", "disputes", "a")
	mustChrono(t, db, "rm", "a")
	return db
}

// TestImportSkipsTrashedWhenTold: a tool's output imported again after
// some of its events were deleted was refused, with no way but editing
// the file; --skip-trashed leaves them deleted and says how many.
func TestImportSkipsTrashedWhenTold(t *testing.T) {
	db := newDB(t)
	mustChrono(t, db, "import", "timeline.example.json")
	mustChrono(t, db, "rm", "fbi-tip", "apple-sues-nso")
	if r := chrono(t, db, "", "import", "timeline.example.json"); r.code != 1 || !strings.Contains(r.stderr, "import with --skip-trashed") {
		t.Errorf("import with events in the trash: %+v", r)
	}
	r := chrono(t, db, "", "import", "--skip-trashed", "timeline.example.json")
	if r.code != 0 || !strings.Contains(r.stdout, "imported 13 events (0 new, 0 updated, 11 unchanged, 2 left in the trash)") {
		t.Errorf("import --skip-trashed: %+v", r)
	}
	if r := chrono(t, db, "", "trash"); !strings.Contains(r.stdout, "fbi-tip") || !strings.Contains(r.stdout, "apple-sues-nso") {
		t.Errorf("the trash after the import: %+v", r)
	}
}

// TestTrashListsTitlesInOneColumn: an id longer than the column pushed
// its title out of line with the others.
func TestTrashListsTitlesInOneColumn(t *testing.T) {
	db := newDB(t)
	mustChrono(t, db, "import", "timeline.example.json")
	mustChrono(t, db, "add", "--id", "an-event-whose-id-is-longer-than-the-column", "--title", "Long", "--date", "2020")
	mustChrono(t, db, "rm", "an-event-whose-id-is-longer-than-the-column", "fbi-tip")
	out := mustChrono(t, db, "trash").stdout
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("trash: %q", out)
	}
	col := func(title string) int {
		for _, l := range lines {
			if i := strings.Index(l, title); i >= 0 {
				return i
			}
		}
		return -1
	}
	if a, b := col("Long"), col("Miller reports"); a < 0 || a != b {
		t.Errorf("the titles are not in one column:\n%s", out)
	}
}
