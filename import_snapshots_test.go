package main

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"maps"
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

// TestImportReadsASnapshotsTextAnew: the text a snapshot's quotes are
// checked against is read from its original bytes, not taken from the
// file: a text rewritten there with its hash computed anew had made a
// quote the page never held verbatim. A text left out, which made the
// raw HTML (scripts and hidden parts) the text, is read anew too.
func TestImportReadsASnapshotsTextAnew(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "page.html")
	if err := os.WriteFile(page, []byte(`<html><body><p>The deal was signed.</p><script>var x = "the deal was never signed";</script></body></html>`), 0o600); err != nil {
		t.Fatal(err)
	}
	from := filepath.Join(dir, "from.db")
	mustChrono(t, from, "import", "timeline.example.json")
	mustChrono(t, from, "source", "attach", "wapo", page)
	file := filepath.Join(dir, "sn.json")
	mustChrono(t, from, "export", "--with-snapshots", "-o", file)
	var doc map[string]any
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		text []byte // nil: left out
	}{
		{"rewritten", []byte("The deal was never signed.\n")},
		{"left out", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sn := doc["snapshots"].([]any)[0].(map[string]any)
			original, err := base64.StdEncoding.DecodeString(sn["original"].(string))
			if err != nil {
				t.Fatal(err)
			}
			forged := maps.Clone(sn)
			text := tt.text
			if text == nil {
				delete(forged, "text")
				text = original
			} else {
				forged["text"] = base64.StdEncoding.EncodeToString(text)
			}
			sum := sha256.Sum256(text)
			forged["text_sha256"], forged["text_size"] = hex.EncodeToString(sum[:]), len(text)
			d := maps.Clone(doc)
			d["snapshots"] = []any{forged}
			out, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			forgedFile := filepath.Join(t.TempDir(), "forged.json")
			if err := os.WriteFile(forgedFile, out, 0o600); err != nil {
				t.Fatal(err)
			}
			db := filepath.Join(t.TempDir(), "to.db")
			r := mustChrono(t, db, "import", forgedFile)
			if !strings.Contains(r.stderr, "warning: 1 snapshot came with a text that is not what chrono reads from the original bytes") {
				t.Errorf("import: stderr %q", r.stderr)
			}
			if got := mustChrono(t, db, "source", "text", "wapo").stdout; strings.Contains(got, "never") || !strings.Contains(got, "The deal was signed.") {
				t.Errorf("the text kept: %q", got)
			}
			mustChrono(t, db, "quote", "add", "nso-denial", "--source", "wapo", "--text", "the deal was never signed")
			if r := chrono(t, db, "", "verify"); r.code != 1 || !strings.Contains(r.stdout, "not found") {
				t.Errorf("verify of a quote the page's text does not hold: exit %d\n%s", r.code, r.stdout)
			}
		})
	}
	// The file as exported imports without a word of it.
	if r := mustChrono(t, filepath.Join(dir, "plain.db"), "import", file); strings.Contains(r.stderr, "warning") {
		t.Errorf("an export as written: stderr %q", r.stderr)
	}
}

// TestImportRefusesASnapshotItCannotRead: a snapshot whose text cannot be
// read from its bytes (a page past the limits, a text not UTF-8) is
// refused before anything is imported, as any problem of the file is;
// the events had been imported, the snapshots then refused.
func TestImportRefusesASnapshotItCannotRead(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "page.html")
	os.WriteFile(page, []byte("<html><body><p>The deal was signed.</p></body></html>"), 0o600)
	from := filepath.Join(dir, "from.db")
	mustChrono(t, from, "import", "timeline.example.json")
	mustChrono(t, from, "source", "attach", "wapo", page)
	file := filepath.Join(dir, "sn.json")
	mustChrono(t, from, "export", "--with-snapshots", "-o", file)
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	// A page whose text is not UTF-8, its hashes made anew.
	bad := []byte("<html><body><p>caf\xe9</p></body></html>")
	sum := sha256.Sum256(bad)
	sn := doc["snapshots"].([]any)[0].(map[string]any)
	sn["original"], sn["sha256"], sn["size"] = base64.StdEncoding.EncodeToString(bad), hex.EncodeToString(sum[:]), len(bad)
	delete(sn, "text")
	delete(sn, "text_sha256")
	sn["text_size"] = len(bad)
	out, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(file, out, 0o600)
	db := filepath.Join(dir, "to.db")
	mustChrono(t, db, "new", db) // nothing in it
	for _, args := range [][]string{{"import", "--dry-run", file}, {"import", file}} {
		r := chrono(t, db, "", args...)
		if r.code != 1 || !strings.Contains(r.stderr, `sn.json: snapshot 1 of source "wapo": its text is not valid UTF-8`) || strings.Contains(r.stderr, "events were imported") {
			t.Errorf("%v: exit %d\n%s", args, r.code, r.stderr)
		}
	}
	if r := mustChrono(t, db, "list"); strings.TrimSpace(r.stdout) != "" {
		t.Errorf("the refused import left events:\n%s", r.stdout)
	}
}
