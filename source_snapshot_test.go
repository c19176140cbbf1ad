package main

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func sha(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// TestSourceAttach: snapshots from a file and from stdin are kept, listed
// with their hash by source show, and printed by source text.
func TestSourceAttach(t *testing.T) {
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	dir := t.TempDir()
	page := []byte(`<html><body><nav>Home</nav><article><p>bags of <b>cash</b></p><script>steal()</script></article></body></html>`)
	file := filepath.Join(dir, "article.html")
	os.WriteFile(file, page, 0o600)
	r := chrono(t, db, "", "source", "attach", "wapo", file, "--url", "https://example.com/a", "--taken", "2026-05-01T09:30:00Z")
	if r.code != 0 || !strings.Contains(r.stdout, "snapshot 1, text/html") || !strings.Contains(r.stdout, sha(page)) {
		t.Fatalf("attach: %+v", r)
	}
	if r := chrono(t, db, "plain “text”\n", "source", "attach", "wapo", "-"); r.code != 0 || !strings.Contains(r.stdout, "snapshot 2, text/plain, 17 bytes") {
		t.Fatalf("attach from stdin: %+v", r)
	}
	show := chrono(t, db, "", "source", "show", "wapo")
	for _, want := range []string{"1  2026-05-01T09:30:00Z  text/html   110 bytes, text 12", sha(page), "https://example.com/a", "stdin"} {
		if !strings.Contains(show.stdout, want) {
			t.Errorf("source show lacks %q:\n%s", want, show.stdout)
		}
	}
	if r := chrono(t, db, "", "source", "text", "wapo", "--snapshot", "1"); r.stdout != "bags of cash" {
		t.Errorf("text of snapshot 1: %+v", r)
	}
	if r := chrono(t, db, "", "source", "text", "wapo"); r.stdout != "plain “text”\n" {
		t.Errorf("text of the latest: %+v", r)
	}
	if r := chrono(t, db, "", "source", "text", "wapo", "--snapshot", "1", "--original"); r.stdout != string(page) {
		t.Errorf("original: %+v", r)
	}
	if r := chrono(t, db, "", "source", "text", "wapo", "--snapshot", "9"); r.code == 0 || !strings.Contains(r.stderr, "no snapshot 9") {
		t.Errorf("a missing snapshot: %+v", r)
	}
	// Snapshot 0 is none: it printed the latest, without a word.
	if r := chrono(t, db, "", "source", "text", "wapo", "--snapshot", "0"); r.code != exitUsage || r.stdout != "" || !strings.Contains(r.stderr, "numbered from 1") {
		t.Errorf("--snapshot 0: %+v", r)
	}
	if r := chrono(t, db, "", "source", "edit", "wapo", "--archive", "https://web.archive.org/web/2022/x"); r.code != 0 {
		t.Fatalf("archive: %+v", r)
	}
	if r := chrono(t, db, "", "source", "show", "wapo"); !strings.Contains(r.stdout, "archive    https://web.archive.org/web/2022/x") {
		t.Errorf("archive not shown:\n%s", r.stdout)
	}
}

// TestSourceAttachRefusals: content chrono cannot keep is refused with
// an error naming the file, and nothing is kept.
func TestSourceAttachRefusals(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o600)
		return p
	}
	saved := snapshotLimits
	t.Cleanup(func() { snapshotLimits = saved })
	snapshotLimits.Size = 1 << 20
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"not UTF-8", []string{"wapo", write("latin1.txt", []byte("caf\xe9"))}, "latin1.txt: not UTF-8 at byte 3"},
		{"too large", []string{"wapo", write("big.txt", []byte(strings.Repeat("a", 2<<20)))}, "big.txt: larger than 1 MiB"},
		{"scan", []string{"wapo", write("scan.pdf", []byte(emptyPDF))}, "scan.pdf: a PDF of 1 page with no text layer"},
		{"binary", []string{"wapo", write("x.bin", []byte{0, 1, 2, 0xff})}, "x.bin: neither text, Markdown, HTML nor PDF"},
		{"no source", []string{"nobody", write("ok.txt", []byte("fine"))}, `no source "nobody"`},
		{"no file", []string{"wapo", filepath.Join(dir, "missing.txt")}, "missing.txt: no such file: check the name, or give - to read stdin"},
		{"a directory", []string{"wapo", dir}, "is a directory: name a file in it"},
		{"taken in the future", []string{"wapo", write("later.txt", []byte("fine")), "--taken", "2999-01-01"}, `--taken "2999-01-01": that is still to come`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := newDB(t)
			chrono(t, db, "", "import", "timeline.example.json")
			r := chrono(t, db, "", append([]string{"source", "attach"}, tt.args...)...)
			if r.code == 0 || !strings.Contains(r.stderr, tt.want) {
				t.Fatalf("got %+v, want an error with %q", r, tt.want)
			}
			if strings.Contains(r.stderr, "goroutine") {
				t.Errorf("a stack trace: %s", r.stderr)
			}
			if log := chrono(t, db, "", "log"); strings.Contains(log.stdout, "snapshot") {
				t.Errorf("journaled after all:\n%s", log.stdout)
			}
			if show := chrono(t, db, "", "source", "show", "wapo"); !strings.Contains(show.stdout, "no snapshots") {
				t.Errorf("kept after all:\n%s", show.stdout)
			}
		})
	}
}

// emptyPDF is a one-page PDF that draws a line and shows no text.
const emptyPDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>\nendobj\n4 0 obj\n<< /Length 15 >>\nstream\n0 0 m 10 10 l S\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"

// TestSeedSnapshot: the example's source article, when beside the
// repository, is kept and printed back byte for byte.
func TestSeedSnapshot(t *testing.T) {
	const seed = "../shared/seed/nso-bags-of-cash.txt"
	article, err := os.ReadFile(seed)
	if err != nil {
		t.Skip("the source article is not beside the repository")
	}
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	if r := chrono(t, db, "", "source", "attach", "occupy-democrats", seed); r.code != 0 || !strings.Contains(r.stdout, sha(article)) {
		t.Fatalf("%+v", r)
	}
	if r := chrono(t, db, "", "source", "text", "occupy-democrats"); r.stdout != string(article) {
		t.Error("the article is not printed back byte for byte")
	}
}

// TestSnapshotsExportImport: chrono JSON carries snapshots only with
// --with-snapshots, and imports them back identically, from a file or
// stdin; every other export reports them not carried; a snapshot whose
// bytes do not match its hash is refused and nothing is imported.
func TestSnapshotsExportImport(t *testing.T) {
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	dir := t.TempDir()
	page := filepath.Join(dir, "page.html")
	os.WriteFile(page, []byte("<article><p>bags of cash</p></article>"), 0o600)
	chrono(t, db, "", "source", "attach", "wapo", page)
	chrono(t, db, "one\ntwo\n", "source", "attach", "wapo", "-", "--taken", "2026-01-02")
	chrono(t, db, "", "undo")
	chrono(t, db, "three\n", "source", "attach", "wapo", "-")

	plain := chrono(t, db, "", "export")
	if strings.Contains(plain.stdout, `"snapshots"`) || !strings.Contains(plain.stderr, "2 snapshots of sources not carried") {
		t.Errorf("export without --with-snapshots: %s", plain.stderr)
	}
	for _, format := range []string{"csv", "markdown", "timelinejs", "timesketch"} {
		r := chrono(t, db, "", "export", "--format", format, "-o", filepath.Join(dir, "out."+format))
		if !strings.Contains(r.stderr, "2 snapshots of sources not carried") {
			t.Errorf("%s export: %q", format, r.stderr)
		}
	}
	if r := chrono(t, db, "", "export", "--format", "csv", "--with-snapshots"); r.code != 2 {
		t.Errorf("--with-snapshots with csv: %+v", r)
	}
	full := chrono(t, db, "", "export", "--with-snapshots")
	if full.code != 0 || !strings.Contains(full.stdout, `"snapshots"`) {
		t.Fatalf("export --with-snapshots: %+v", full)
	}
	file := filepath.Join(dir, "with.json")
	os.WriteFile(file, []byte(full.stdout), 0o600)
	show := chrono(t, db, "", "source", "show", "wapo").stdout

	fromFile := newDB(t)
	if r := chrono(t, fromFile, "", "import", file); r.code != 0 || !strings.Contains(r.stdout, "kept 2 snapshots") {
		t.Fatalf("import: %+v", r)
	}
	fromStdin := newDB(t)
	if r := chrono(t, fromStdin, full.stdout, "import", "-"); r.code != 0 || !strings.Contains(r.stdout, "kept 2 snapshots") {
		t.Fatalf("import from stdin: %+v", r)
	}
	for _, other := range []string{fromFile, fromStdin} {
		if got := chrono(t, other, "", "source", "show", "wapo").stdout; got != show {
			t.Errorf("snapshots after the import:\n%s\nwant\n%s", got, show)
		}
		if got := chrono(t, other, "", "export", "--with-snapshots").stdout; got != full.stdout {
			t.Error("export → import → export changed the document")
		}
		if got := chrono(t, other, "", "source", "text", "wapo", "--snapshot", "1").stdout; got != "bags of cash" {
			t.Errorf("text %q", got)
		}
	}
	if r := chrono(t, fromFile, "", "import", file); r.code != 0 || strings.Contains(r.stdout, "kept") {
		t.Errorf("importing the same file again: %+v", r)
	}

	// One byte of a snapshot changed: its hash no longer matches.
	tampered := strings.Replace(full.stdout, `"original": "PGFydGljbGU+`, `"original": "PGFydGljbGX+`, 1)
	if tampered == full.stdout {
		t.Fatal("the test's edit did not apply")
	}
	os.WriteFile(file, []byte(tampered), 0o600)
	bad := newDB(t)
	r := chrono(t, bad, "", "import", file)
	if r.code == 0 || !strings.Contains(r.stderr, `snapshot 1 of source "wapo": its bytes do not have the SHA-256`) || !strings.Contains(r.stderr, "nothing imported") {
		t.Fatalf("tampered import: %+v", r)
	}
	if l := chrono(t, bad, "", "list"); strings.TrimSpace(l.stdout) != "" {
		t.Errorf("events imported after all:\n%s", l.stdout)
	}
}

// TestSourceAttachStdinNamed: an error about stdin calls it stdin.
func TestSourceAttachStdinNamed(t *testing.T) {
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	if r := chrono(t, db, "caf\xe9", "source", "attach", "wapo", "-"); !strings.Contains(r.stderr, "chrono: stdin: not UTF-8 at byte 3") {
		t.Errorf("%+v", r)
	}
}

// TestSourceByline: a source's writer is --byline, so that --author says
// who a change to a source is attributed to, as for every command, and
// is never taken for the source's writer.
func TestSourceByline(t *testing.T) {
	db := exampleDB(t)
	if r := chrono(t, db, "", "--author", "alice", "source", "edit", "wapo", "--byline", "Jane Writer"); r.code != 0 {
		t.Fatalf("source edit: %+v", r)
	}
	if r := chrono(t, db, "", "source", "show", "wapo"); !strings.Contains(r.stdout, "Jane Writer") {
		t.Errorf("the byline is not the source's author:\n%s", r.stdout)
	}
	if r := chrono(t, db, "", "log", "-n", "1"); !strings.Contains(r.stdout, "alice") || !strings.Contains(r.stdout, "saved source wapo") {
		t.Errorf("the change is not alice's:\n%s", r.stdout)
	}
	if r := chrono(t, db, "", "source", "edit", "--help"); !strings.Contains(r.stdout, "--byline") || !strings.Contains(r.stdout, "--author") {
		t.Errorf("the help does not list --byline and --author:\n%s", r.stdout)
	}
}
