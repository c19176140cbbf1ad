package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chrono/model"
	"chrono/model/evidence"
)

// evidenceFixture is an investigation whose text is hostile: markup that
// would run as script, break out of an attribute or a <pre>, and
// controls, in titles, quotes and the source.
const evidenceFixture = `{"chrono": 1, "title": "Harbour <script>alert('title')</script>",
 "sources": [{"id": "herald", "title": "<img src=x onerror=alert(1)>", "url": "javascript:alert(1)"}],
 "events": [
  {"id": "signed", "date": "2021-03-02", "title": "Contract signed <script>alert(1)</script>",
   "quotes": [{"text": "The contract was signed\" onmouseover=\"alert(1)", "source": "herald"},
              {"text": "two bags of cash", "source": "herald", "speaker": "'><script>alert(2)</script>"}]},
  {"id": "bags", "date": "2021-03-03", "title": "Bags carried in \u001b[31mred\u001b[0m \u0000 \u202eevil",
   "quotes": [{"text": "two bags of money", "source": "herald"}]}
 ]}`

// evidenceSnapshot is the source's text: the quotes are in it, around
// markup and controls.
const evidenceSnapshot = "The contract was signed\" onmouseover=\"alert(1) on Tuesday. </pre><script>alert(3)</script>\n\nAn aide carried two bags of cash \x1b]52;c;eA==\x07 in.\n"

// evidenceStore is a store of evidenceFixture with the snapshot
// attached.
func evidenceStore(t *testing.T) string {
	t.Helper()
	db := newDB(t)
	fixture := filepath.Join(t.TempDir(), "hostile.json")
	if err := os.WriteFile(fixture, []byte(evidenceFixture), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := chrono(t, db, "", "import", fixture); r.code != 0 {
		t.Fatalf("import: %s", r.stderr)
	}
	if r := chrono(t, db, evidenceSnapshot, "source", "attach", "herald", "-"); r.code != 0 {
		t.Fatalf("attach: %s", r.stderr)
	}
	return db
}

// TestExportEvidence: the evidence directory appears whole, holds the
// pages, the snapshots and the journal, names the chain head that
// chrono log --head prints, and its manifest checks.
func TestExportEvidence(t *testing.T) {
	db := evidenceStore(t)
	out := filepath.Join(t.TempDir(), "evidence")
	r := chrono(t, db, "", "export", "--format", "evidence", "-o", out)
	if r.code != 0 || !strings.Contains(r.stderr, "exported 2 events, 3 quotes and 1 snapshot to evidence in") ||
		!strings.Contains(r.stderr, "warning: 1 quote was not found in its source's snapshot") {
		t.Fatalf("export: %+v", r)
	}
	for _, name := range []string{"index.html", "journal.jsonl", "SHA256SUMS", "snapshots/herald-1.txt", "snapshots/herald-1.txt.html", "snapshots/herald-1.original.txt"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	head := strings.SplitN(chrono(t, db, "", "log", "--head").stdout, "\n", 2)[0]
	index := readFile(t, filepath.Join(out, "index.html"))
	if !strings.Contains(index, head) {
		t.Errorf("index.html does not state the chain head %q", head)
	}
	journal := readFile(t, filepath.Join(out, "journal.jsonl"))
	if lines := strings.Count(journal, "\n"); lines != 2 || !strings.Contains(journal, `"prev":"`) {
		t.Errorf("journal.jsonl: %d lines, want 2 with their links:\n%s", lines, journal)
	}
	if got := readFile(t, filepath.Join(out, "snapshots/herald-1.original.txt")); got != evidenceSnapshot {
		t.Errorf("the original: %q", got)
	}
	checkSums(t, out)
	runSha256sum(t, out)
}

// TestExportEvidenceRefusals: evidence is a directory: no stdout, no
// replacing a directory that holds anything, no file; an empty directory
// is taken.
func TestExportEvidenceRefusals(t *testing.T) {
	db := evidenceStore(t)
	dir := t.TempDir()
	full := filepath.Join(dir, "full")
	os.Mkdir(full, 0o755)
	os.WriteFile(filepath.Join(full, "keep.txt"), []byte("mine"), 0o644)
	file := filepath.Join(dir, "file")
	os.WriteFile(file, []byte("mine"), 0o644)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "--format", "evidence"}, "writes a directory, not a stream: give -o DIR"},
		{[]string{"export", "--format", "evidence", "-o", "-"}, "writes a directory, not a stream: give -o DIR"},
		{[]string{"export", "--format", "evidence", "-o", full}, "is not empty"},
		{[]string{"export", "--format", "evidence", "-o", full, "--force"}, "never replaces"},
		{[]string{"export", "--format", "evidence", "-o", file}, "is not a directory"},
		{[]string{"export", "--format", "evidence", "-o", filepath.Join(dir, "x"), "--tag", "a"}, "whole record"},
		{[]string{"export", "--format", "evidence", "-o", filepath.Join(dir, "no", "such", "ev")}, "the directory " + filepath.Join(dir, "no", "such") + " does not exist: create it"},
	} {
		r := chrono(t, db, "", c.args...)
		if r.code == 0 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("chrono %q: %+v, want an error saying %q", c.args, r, c.want)
		}
	}
	if got := readFile(t, filepath.Join(full, "keep.txt")); got != "mine" {
		t.Errorf("the full directory was changed")
	}
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o755)
	if r := chrono(t, db, "", "export", "--format", "evidence", "-o", empty); r.code != 0 {
		t.Errorf("an empty directory: %+v", r)
	}
	checkSums(t, empty)
}

// TestExportEvidenceTrailingSlash: a directory named with a trailing
// slash, as a shell's completion writes it, new or empty, is taken, and
// the working directory is made beside it, not inside it.
func TestExportEvidenceTrailingSlash(t *testing.T) {
	db := evidenceStore(t)
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o755)
	for _, out := range []string{filepath.Join(dir, "new"), empty} {
		r := chrono(t, db, "", "export", "--format", "evidence", "-o", out+"/")
		if r.code != 0 {
			t.Errorf("-o %s/: %+v", out, r)
			continue
		}
		checkSums(t, out)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("beside the evidence: %q, want only new and empty", names)
	}
}

// TestExportEvidenceFailsWhole: an export that fails partway leaves
// neither the directory nor its working directory behind.
func TestExportEvidenceFailsWhole(t *testing.T) {
	db := evidenceStore(t)
	dir := t.TempDir()
	saved := writeEvidence
	t.Cleanup(func() { writeEvidence = saved })
	writeEvidence = func(build string, r model.Reader, opts evidence.Options) (evidence.Report, error) {
		if _, err := saved(build, r, opts); err != nil {
			return evidence.Report{}, err
		}
		return evidence.Report{}, errors.New("the disk filled")
	}
	out := filepath.Join(dir, "evidence")
	if r := chrono(t, db, "", "export", "--format", "evidence", "-o", out); r.code == 0 || !strings.Contains(r.stderr, "the disk filled") {
		t.Fatalf("export: %+v", r)
	}
	left, _ := os.ReadDir(dir)
	for _, e := range left {
		t.Errorf("left behind: %s", e.Name())
	}
}

// TestExportEvidenceHostile: the investigation's text is escaped in every
// page; no page holds a script, an event handler from the text, a raw
// control character or a javascript: link; the original HTML is kept
// under a name a browser shows as text.
func TestExportEvidenceHostile(t *testing.T) {
	db := evidenceStore(t)
	page := filepath.Join(t.TempDir(), "page.html")
	os.WriteFile(page, []byte("<html><body><p>The contract was signed on Tuesday.</p><script>alert(4)</script></body></html>"), 0o600)
	if r := chrono(t, db, "", "source", "attach", "herald", page); r.code != 0 {
		t.Fatalf("attach: %s", r.stderr)
	}
	out := filepath.Join(t.TempDir(), "evidence")
	if r := chrono(t, db, "", "export", "--format", "evidence", "-o", out); r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	pages := 0
	err := filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if strings.HasSuffix(path, ".html") || strings.HasSuffix(path, ".htm") {
			pages++
			b := readFile(t, path)
			low := strings.ToLower(b)
			for _, bad := range []string{"<script", "<img", "onmouseover=\"", "href=\"javascript", "\x1b", "\x00", "\u202e", "</pre><"} {
				if strings.Contains(low, bad) {
					i := strings.Index(low, bad)
					t.Errorf("%s holds %q: %q", filepath.Base(path), bad, b[max(i-40, 0):min(i+40, len(b))])
				}
			}
			if !strings.Contains(b, `<meta http-equiv="Content-Security-Policy" content="default-src 'none';`) {
				t.Errorf("%s has no Content-Security-Policy forbidding scripts", filepath.Base(path))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages != 3 {
		t.Errorf("%d pages, want index.html and a text page for each of 2 snapshots", pages)
	}
	index := readFile(t, filepath.Join(out, "index.html"))
	for _, want := range []string{
		"Contract signed &lt;script&gt;alert(1)&lt;/script&gt;",
		"Bags carried in ␛[31mred␛[0m ␀ &lt;U&#43;202E&gt;evil",
		"&lt;img src=x onerror=alert(1)&gt;",
	} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "snapshots/herald-2.original.html.txt")); err != nil {
		t.Errorf("the HTML original: %v", err)
	}
	checkSums(t, out)
}

// TestEvidenceInChromium opens the evidence in headless Chromium: the
// page shows the chronology (every event's title, the hostile ones as
// text), runs no script, and the quote's link leads to its passage.
func TestEvidenceInChromium(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CHRONO_REQUIRE_SERVICES") == "1" {
			t.Fatal("chromium is not installed, and CHRONO_REQUIRE_SERVICES=1 (apt-get install chromium)")
		}
		t.Skip("chromium is not installed (Debian's chromium package)")
	}
	db := evidenceStore(t)
	out := filepath.Join(t.TempDir(), "evidence")
	if r := chrono(t, db, "", "export", "--format", "evidence", "-o", out); r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	dom := dumpDOM(t, chromium, filepath.Join(out, "index.html"))
	for _, want := range []string{
		"<title>Harbour &lt;script&gt;alert('title')&lt;/script&gt; (evidence)</title>",
		"Contract signed &lt;script&gt;alert(1)&lt;/script&gt;",
		"Bags carried in ␛[31mred␛[0m",
		`id="e-1"`, `id="e-2"`,
		`href="snapshots/herald-1.txt.html#q1"`,
		"not found",
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("the page in Chromium lacks %q", want)
		}
	}
	if strings.Contains(strings.ToLower(dom), "<script") {
		t.Errorf("the page in Chromium holds a script element")
	}
	text := dumpDOM(t, chromium, filepath.Join(out, "snapshots", "herald-1.txt.html"))
	if !strings.Contains(text, `<span id="q1"></span><mark class="quote q1">The contract was signed" onmouseover="alert(1)</mark>`) ||
		strings.Contains(strings.ToLower(text), "<script") {
		t.Errorf("the snapshot's page in Chromium:\n%s", text)
	}
}

// dumpDOM is the DOM Chromium builds of a page, serialised.
func dumpDOM(t *testing.T, chromium, page string) string {
	t.Helper()
	home := t.TempDir()
	cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--user-data-dir="+filepath.Join(home, "profile"), "--dump-dom", "file://"+page)
	cmd.Env = append(os.Environ(), "HOME="+home)
	done := make(chan struct{})
	var dom []byte
	var err error
	go func() { dom, err = cmd.Output(); close(done) }()
	select {
	case <-done:
	case <-time.After(2 * time.Minute):
		cmd.Process.Kill()
		<-done
		t.Fatal("chromium did not finish in 2 minutes")
	}
	if err != nil {
		t.Fatalf("chromium --dump-dom: %v", err)
	}
	return string(dom)
}

// checkSums checks SHA256SUMS in dir as sha256sum -c would, in Go, and
// that it names every other file.
func checkSums(t *testing.T, dir string) {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	listed := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		hash, name, ok := strings.Cut(sc.Text(), "  ")
		sum := sha256.Sum256([]byte(readFile(t, filepath.Join(dir, filepath.FromSlash(name)))))
		if !ok || hex.EncodeToString(sum[:]) != hash {
			t.Errorf("SHA256SUMS: %q does not check", sc.Text())
		}
		listed[name] = true
	}
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			if rel = filepath.ToSlash(rel); rel != "SHA256SUMS" && !listed[rel] {
				t.Errorf("SHA256SUMS does not list %s", rel)
			}
		}
		return err
	})
}

// runSha256sum runs sha256sum -c in dir.
func runSha256sum(t *testing.T, dir string) {
	t.Helper()
	if _, err := exec.LookPath("sha256sum"); err != nil {
		if os.Getenv("CHRONO_REQUIRE_SERVICES") == "1" {
			t.Fatal("sha256sum is not installed, and CHRONO_REQUIRE_SERVICES=1")
		}
		t.Skip("sha256sum is not installed (coreutils)")
	}
	cmd := exec.Command("sha256sum", "--strict", "-c", "SHA256SUMS")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("sha256sum -c: %v\n%s", err, out)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
