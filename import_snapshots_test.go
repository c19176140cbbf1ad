package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportRefusesASnapshotHeldOtherwiseFirst: a file whose snapshot
// would take the place of another the store holds is refused before
// anything is imported, and its dry run says so. The events were
// imported, then the snapshots refused, exit 1: half an import, which
// the dry run had not foreseen.
func TestImportRefusesASnapshotHeldOtherwiseFirst(t *testing.T) {
	dir := t.TempDir()
	attach := func(db, text string) {
		t.Helper()
		f := filepath.Join(dir, "page.txt")
		if err := os.WriteFile(f, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		mustChrono(t, db, "source", "attach", "wapo", f)
	}
	from := filepath.Join(dir, "from.db")
	mustChrono(t, from, "import", "timeline.example.json")
	attach(from, "The page as one reporter kept it.")
	mustChrono(t, from, "tag", "nso-denial", "from-the-file")
	file := filepath.Join(dir, "sn.json")
	mustChrono(t, from, "export", "--with-snapshots", "-o", file)

	// Kept, or withdrawn (an attach undone), which keeps its number.
	for _, withdrawn := range []bool{false, true} {
		db := filepath.Join(dir, "to.db")
		os.Remove(db)
		mustChrono(t, db, "import", "timeline.example.json")
		attach(db, "The page as another kept it.")
		if withdrawn {
			mustChrono(t, db, "undo")
		}
		head := mustChrono(t, db, "log", "--head").stdout

		for _, args := range [][]string{{"import", "--dry-run", file}, {"import", file}} {
			r := chrono(t, db, "", args...)
			if r.code != 1 || !strings.Contains(r.stderr, `snapshot 1 of source "wapo": the store holds another snapshot 1 of that source`) || !strings.Contains(r.stderr, "importing nothing") && !strings.Contains(r.stderr, "nothing imported") {
				t.Errorf("withdrawn %v: %s: exit %d\nstdout: %s\nstderr: %s", withdrawn, strings.Join(args, " "), r.code, r.stdout, r.stderr)
			}
		}
		if now := mustChrono(t, db, "log", "--head").stdout; now != head {
			t.Errorf("withdrawn %v: the refused import changed the store: head %q, was %q", withdrawn, now, head)
		}
	}
}
