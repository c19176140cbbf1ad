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
		{"no file", []string{"wapo", filepath.Join(dir, "missing.txt")}, "missing.txt"},
		{"a directory", []string{"wapo", dir}, "is not a file"},
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
