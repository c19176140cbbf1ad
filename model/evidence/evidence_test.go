package evidence

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"chrono/model"

	"github.com/charmbracelet/x/exp/golden"
)

var exported = time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)

// smallStore is an investigation with a quote in each state: verbatim,
// normalised, through an ellipsis, not found, against a source with no
// snapshot, and with no source; a source with two snapshots (quotes are
// checked against the latest) and one whose bytes do not match its hash;
// an event with media, one with every field and one with an escape in
// its url.
func smallStore() chained {
	f := &fakeStore{header: model.Header{Title: "Harbour contract", Description: "Who knew what,\nand when."}}
	f.sources = []model.Source{
		{ID: "herald", Publisher: "The Herald", Author: "A. Writer", Title: "Mayor signs harbour deal", URL: "https://herald.example/deal", Archive: "https://web.archive.org/web/2024/https://herald.example/deal", Published: model.MustParseDate("2021-03-05")},
		{ID: "wire", Publisher: "Wire Service", Title: "Deal reported"},
		{ID: "ledger", Title: "Ledger page"},
	}
	f.attach("herald", model.MediaText, "An early draft of the article.\n", "", "")
	f.attach("herald", model.MediaHTML, "<html><body><p>The contract was signed on Tuesday.</p></body></html>",
		"The contract was signed on Tuesday. The mayor said “no comment” to reporters.\n\nAn aide carried two bags of cash into the office late that evening.\n", "")
	f.attach("ledger", model.MediaText, "Paid: 40,000.\n", "", strings.Repeat("0", 64))
	f.events = []model.Event{
		{ID: "contract-signed", Date: model.MustParseDate("2021-03-02"), Title: "Contract signed", Summary: "The mayor signs.", Status: model.Confirmed,
			Actors: []string{"Mayor"}, Tags: []string{"contract"},
			Media: []model.Medium{
				{URL: "https://herald.example/signing.jpg", Caption: "The mayor at the signing,\nwith the harbour master", Credit: "Herald photo",
					Title: "The signing", Alt: "Two men at a desk", Thumbnail: "https://herald.example/signing-small.jpg", Link: "https://herald.example/gallery"},
				{URL: "https://video.example/\x1b[31mclip"},
			},
			Quotes: []model.Quote{
				{Text: "The contract was signed on Tuesday.", Source: "herald", Speaker: "The Herald"},
				{Text: `The mayor said "no comment"`, Source: "herald"},
				{Text: "An aide carried … into the office", Source: "herald"},
			}},
		{ID: "bags", Date: model.MustParseDate("2021-03-02"), DateText: "that evening", Title: "Bags carried in", Status: model.Alleged,
			Quotes: []model.Quote{
				{Text: "two bags of money", Source: "herald", Context: "the Herald's account"},
				{Text: "a deal was done", Source: "wire"},
				{Text: "said in the corridor"},
			},
			Links: []model.Link{{Rel: model.Rel("follows"), Event: "contract-signed"}},
			Notes: []model.Note{{Text: "Ask the aide.", Author: "ana", At: exported},
				{Text: "The aide named the bank.", Author: "ana", At: exported, Edited: exported.Add(time.Hour), EditedBy: "bo"}}},
		{ID: "paid", Title: "Payment", Quotes: []model.Quote{{Text: "Paid: 40,000.", Source: "ledger"}}},
	}
	f.journal = []model.Entry{
		{Seq: 1, At: exported, Author: "ana", Op: model.OpNew, Phrase: "created", Hash: strings.Repeat("a", 64), Prev: strings.Repeat("0", 64)},
		{Seq: 2, At: exported, Author: "ana", Op: model.OpImport, Phrase: "imported 3 events", Hash: strings.Repeat("b", 64), Prev: strings.Repeat("a", 64)},
	}
	f.journal[1].Snapshots = f.refs() // as a store's journal records keeping them
	f.chain = &model.ChainReport{Entries: 2, Head: model.ChainHead{Seq: 2, Hash: strings.Repeat("b", 64)}}
	return chained{f}
}

func export(t *testing.T, r model.Reader) (string, Report) {
	t.Helper()
	dir := t.TempDir()
	rep, err := Write(dir, r, Options{Now: exported, By: "ana@desk"})
	if err != nil {
		t.Fatal(err)
	}
	return dir, rep
}

func read(t *testing.T, dir, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestGolden: the pages of a small investigation, with a quote in each
// state, are as they were reviewed.
func TestGolden(t *testing.T) {
	dir, rep := export(t, smallStore())
	if rep.Events != 3 || rep.Quotes != 7 || rep.Snapshots != 3 || rep.NotFound != 1 || rep.Mismatched != 1 || rep.Entries != 2 {
		t.Errorf("report %+v", rep)
	}
	t.Run("index", func(t *testing.T) { golden.RequireEqual(t, []byte(read(t, dir, "index.html"))) })
	t.Run("latest", func(t *testing.T) { golden.RequireEqual(t, []byte(read(t, dir, "snapshots/herald-2.txt.html"))) })
	t.Run("earlier", func(t *testing.T) { golden.RequireEqual(t, []byte(read(t, dir, "snapshots/herald-1.txt.html"))) })
	t.Run("journal", func(t *testing.T) { golden.RequireEqual(t, []byte(read(t, dir, "journal.jsonl"))) })
	t.Run("manifest", func(t *testing.T) { golden.RequireEqual(t, []byte(read(t, dir, "SHA256SUMS"))) })

	// The original bytes are kept as they came, under the hash kept
	// with them; an HTML page as text.
	if got := read(t, dir, "snapshots/herald-2.original.html.txt"); got != smallStore().snaps["herald"][1].original {
		t.Errorf("original: %q", got)
	}
}

// checkManifest checks every line of SHA256SUMS against its file, and
// that it lists every other file in the directory.
func checkManifest(t *testing.T, dir string) map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sums := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		hash, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok || len(hash) != 64 {
			t.Fatalf("manifest line %q is not HASH  NAME", sc.Text())
		}
		sum := sha256.Sum256([]byte(read(t, dir, name)))
		if got := hex.EncodeToString(sum[:]); got != hash {
			t.Errorf("%s: SHA-256 %s, the manifest says %s", name, got, hash)
		}
		sums[name] = hash
	}
	err = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if rel = filepath.ToSlash(rel); rel != "SHA256SUMS" && sums[rel] == "" {
			t.Errorf("%s is not in the manifest", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return sums
}

// TestManifest: SHA256SUMS holds the right sum of every other file, as Go
// and sha256sum -c check it, and each snapshot's original file has the
// hash the investigation kept with it.
func TestManifest(t *testing.T) {
	dir, _ := export(t, smallStore())
	sums := checkManifest(t, dir)
	// index.html, journal.jsonl, and three files of each of 3 snapshots.
	if len(sums) != 11 {
		t.Errorf("the manifest lists %d files, want 11", len(sums))
	}
	if got, want := sums["snapshots/herald-2.original.html.txt"], smallStore().snaps["herald"][1].meta.SHA256; got != want {
		t.Errorf("the original's sum is %s, its snapshot's %s", got, want)
	}
	// A file altered after the export no longer checks.
	if err := os.WriteFile(filepath.Join(dir, "snapshots/herald-2.txt"), []byte("altered"), 0o644); err != nil {
		t.Fatal(err)
	}
	sha256sum(t, dir, false)
}

// sha256sum runs sha256sum -c on dir's manifest, wanting it to pass or
// not.
func sha256sum(t *testing.T, dir string, pass bool) {
	t.Helper()
	if _, err := exec.LookPath("sha256sum"); err != nil {
		if os.Getenv("CHRONO_REQUIRE_SERVICES") == "1" {
			t.Fatal("sha256sum is not installed, and CHRONO_REQUIRE_SERVICES=1")
		}
		t.Skip("sha256sum is not installed (coreutils)")
	}
	cmd := exec.Command("sha256sum", "--strict", "-c", "SHA256SUMS")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if (err == nil) != pass {
		t.Errorf("sha256sum -c: %v, want pass %v\n%s", err, pass, out)
	}
}

// TestSha256sum: sha256sum -c checks the manifest of an export.
func TestSha256sum(t *testing.T) {
	dir, _ := export(t, smallStore())
	sha256sum(t, dir, true)
}

// TestOverlappingQuotes: where quotes overlap, every stretch of each is
// marked as its own, and the page, opened at a quote, outlines all of
// that quote and none of the others.
func TestOverlappingQuotes(t *testing.T) {
	f := &fakeStore{header: model.Header{Title: "Overlap"}, chain: &model.ChainReport{}}
	f.sources = []model.Source{{ID: "herald"}}
	f.attach("herald", model.MediaText, "NSO co-founder Omri Lavie allegedly said, “We drop bags of cash at your office.”\n", "", "")
	f.events = []model.Event{{ID: "offer", Title: "Offer", Quotes: []model.Quote{
		{Text: "NSO co-founder Omri Lavie allegedly said", Source: "herald"},
		{Text: "Omri Lavie allegedly said, “We drop bags of cash", Source: "herald"},
	}}}
	dir, _ := export(t, chained{f})
	page := read(t, dir, "snapshots/herald-1.txt.html")
	for _, want := range []string{
		`<span id="q1"></span><mark class="quote q1">NSO co-founder </mark>`,
		`<span id="q2"></span><mark class="quote q1 q2">Omri Lavie allegedly said</mark>`,
		`<mark class="quote q2">, “We drop bags of cash</mark> at your office.”`,
		`#q1:target ~ mark.q1, #q2:target ~ mark.q2 { outline: 3px solid #f80; }`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s:\n%s", want, page)
		}
	}
}

// TestSnapshotReplacedWithItsHash: a snapshot whose bytes were replaced
// in the store with the hash kept beside them matches that hash, but not
// the one the journal recorded when it was kept: the export says so,
// as verify does, rather than certify it.
func TestSnapshotReplacedWithItsHash(t *testing.T) {
	f := &fakeStore{header: model.Header{Title: "Forged"}, chain: &model.ChainReport{}}
	f.sources = []model.Source{{ID: "herald", Title: "Deal"}}
	f.attach("herald", model.MediaText, "The deal was signed.\n", "", "")
	recorded := f.refs()
	recorded[0].SHA256 = strings.Repeat("b3", 32) // what was kept then
	f.journal = []model.Entry{{Seq: 1, At: exported, Author: "ana", Op: model.OpSource, Phrase: "attached", Snapshots: recorded}}
	dir, rep := export(t, chained{f})
	if rep.Mismatched != 1 {
		t.Errorf("mismatched %d, want 1", rep.Mismatched)
	}
	index, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if s := string(index); strings.Contains(s, "✓ its bytes match") || !strings.Contains(s, "journal entry #1 recorded") {
		t.Errorf("the export certifies a snapshot the journal contradicts")
	}
}

// TestCountsOfOne: an investigation of one event, quote, source,
// snapshot and journal entry is counted so: it read "1 events" and
// "each of the 1 entries".
func TestCountsOfOne(t *testing.T) {
	f := &fakeStore{header: model.Header{Title: "One"}, chain: &model.ChainReport{Entries: 1, Head: model.ChainHead{Seq: 1, Hash: strings.Repeat("a", 64)}}}
	f.sources = []model.Source{{ID: "herald", Title: "Deal"}}
	f.attach("herald", model.MediaText, "The deal was signed.\n", "", "")
	f.events = []model.Event{{ID: "deal", Title: "Deal", Quotes: []model.Quote{{Text: "The deal was signed.", Source: "herald"}}}}
	f.journal = []model.Entry{{Seq: 1, At: exported, Author: "ana", Op: model.OpSource, Phrase: "attached", Snapshots: f.refs(), Hash: strings.Repeat("a", 64), Prev: strings.Repeat("0", 64)}}
	dir, _ := export(t, chained{f})
	index := read(t, dir, "index.html")
	for _, want := range []string{": 1 event, 1 quote, 1 source, 1 snapshot.</p>", "journal.jsonl</a>: 1 entry, oldest first", "holds: its one entry hashes to the hash it holds"} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %q:\n%s", want, index)
		}
	}
}

// TestSnapshotRecordedPastTheBreak: a snapshot whose journal entry the
// chain does not vouch for (at the break, or just before a broken link)
// may have been rewritten with that entry, so that both agree; the
// export says it does not hold up and marks its quotes, as verify does,
// rather than certify its bytes beside a chain that breaks.
func TestSnapshotRecordedPastTheBreak(t *testing.T) {
	for _, tt := range []struct {
		name   string
		brk    model.ChainBreak
		trusts bool
	}{
		{"content", model.ChainBreak{Seq: 2, Fault: model.ChainContent, What: "altered"}, false},
		{"link after", model.ChainBreak{Seq: 3, Fault: model.ChainLink, What: "relinked"}, false},
		{"later", model.ChainBreak{Seq: 4, Fault: model.ChainContent, What: "altered"}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := &fakeStore{header: model.Header{Title: "Forged"}, chain: &model.ChainReport{Entries: tt.brk.Seq - 1, Break: &tt.brk}}
			f.sources = []model.Source{{ID: "herald", Title: "Deal"}}
			f.attach("herald", model.MediaText, "The deal was signed.\n", "", "")
			f.events = []model.Event{{ID: "deal", Title: "Deal", Quotes: []model.Quote{{Text: "The deal was signed.", Source: "herald"}}}}
			f.journal = []model.Entry{{Seq: 1, At: exported, Author: "ana", Op: model.OpNew, Phrase: "created"},
				{Seq: 2, At: exported, Author: "ana", Op: model.OpSource, Phrase: "attached", Snapshots: f.refs()},
				{Seq: 3, At: exported, Author: "ana", Op: model.OpTag, Phrase: "tagged"},
				{Seq: 4, At: exported, Author: "ana", Op: model.OpTag, Phrase: "tagged"}}
			dir, rep := export(t, chained{f})
			index := read(t, dir, "index.html")
			certified := strings.Contains(index, "✓ its bytes match")
			if certified != tt.trusts || (rep.Mismatched == 0) != tt.trusts {
				t.Errorf("certified %v, mismatched %d; want it trusted %v", certified, rep.Mismatched, tt.trusts)
			}
			if !tt.trusts && !strings.Contains(index, fmt.Sprintf("the journal&#39;s chain breaks at entry #%d (%s)", tt.brk.Seq, tt.brk.Fault)) {
				t.Errorf("the snapshot's row does not say why:\n%s", index)
			}
		})
	}
}

// TestSnapshotTextAltered: a snapshot whose text, which the quotes are
// checked against, no longer has the hash kept with it, its bytes intact,
// is said not to hold up, and its quotes are marked, as verify says.
func TestSnapshotTextAltered(t *testing.T) {
	f := &fakeStore{header: model.Header{Title: "Altered"}, chain: &model.ChainReport{}}
	f.sources = []model.Source{{ID: "herald", Title: "Deal"}}
	f.events = []model.Event{{ID: "deal", Title: "Deal", Quotes: []model.Quote{{Text: "The deal was never signed.", Source: "herald"}}}}
	f.attach("herald", model.MediaHTML, "<p>The deal was signed.</p>", "The deal was signed.\n", "")
	sum := sha256.Sum256([]byte("The deal was signed.\n"))
	f.snaps["herald"][0].meta.TextSHA256 = hex.EncodeToString(sum[:])
	f.snaps["herald"][0].text = "The deal was never signed.\n" // the text alone rewritten
	f.journal = []model.Entry{{Seq: 1, At: exported, Author: "ana", Op: model.OpSource, Phrase: "attached", Snapshots: f.refs()}}
	dir, rep := export(t, chained{f})
	if rep.Mismatched != 1 {
		t.Errorf("mismatched %d, want 1", rep.Mismatched)
	}
	index := read(t, dir, "index.html")
	for _, want := range []string{"✗ MISMATCH: its text, which quotes are checked against, has SHA-256", "what this check found cannot be trusted"} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	if strings.Contains(index, "✓ its bytes match") {
		t.Errorf("the export certifies a snapshot whose text was altered")
	}
}

// TestSnapshotTakenAway: the latest snapshot the journal left kept,
// deleted from the store, and one of a source deleted whole, are said:
// the quotes are checked against the snapshot before, which cannot be
// trusted.
func TestSnapshotTakenAway(t *testing.T) {
	f := &fakeStore{header: model.Header{Title: "Taken away"}, chain: &model.ChainReport{}}
	f.sources = []model.Source{{ID: "herald", Title: "Deal"}}
	f.events = []model.Event{{ID: "deal", Title: "Deal", Quotes: []model.Quote{{Text: "The deal was signed.", Source: "herald"}}}}
	f.attach("herald", model.MediaText, "The deal was signed.\n", "", "")
	f.attach("herald", model.MediaText, "The deal was called off.\n", "", "")
	f.attach("src", model.MediaText, "Another page.\n", "", "")
	f.journal = []model.Entry{{Seq: 1, At: exported, Author: "ana", Op: model.OpSource, Phrase: "attached", Snapshots: f.refs()}}
	f.snaps["herald"] = f.snaps["herald"][:1]
	delete(f.snaps, "src")
	dir, rep := export(t, chained{f})
	if rep.OutOfStep != 2 {
		t.Errorf("out of step %d, want 2", rep.OutOfStep)
	}
	index := read(t, dir, "index.html")
	for _, want := range []string{"✗ Snapshot 2 (SHA-256", "Source <code>src</code>, which the investigation no longer has, snapshot 1", "what this check found cannot be trusted", "2 snapshots not as the journal left them"} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
}

// TestSnapshotPageLinksResolve: each link within a snapshot's page goes
// to an anchor on it; a quote with no word in the text, which has no
// closest passage to mark, linked to one that was not there.
func TestSnapshotPageLinksResolve(t *testing.T) {
	f := &fakeStore{header: model.Header{Title: "Links"}, chain: &model.ChainReport{}}
	f.sources = []model.Source{{ID: "herald", Title: "Deal"}}
	f.events = []model.Event{{ID: "deal", Title: "Deal", Quotes: []model.Quote{
		{Text: "The deal was signed.", Source: "herald"},
		{Text: "entirely unrelated words", Source: "herald"},
	}}}
	f.attach("herald", model.MediaText, "The deal was signed.\n", "", "")
	f.journal = []model.Entry{{Seq: 1, At: exported, Author: "ana", Op: model.OpSource, Phrase: "attached", Snapshots: f.refs()}}
	dir, _ := export(t, chained{f})
	page := read(t, dir, "snapshots/herald-1.txt.html")
	links := regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(page, -1)
	if len(links) == 0 {
		t.Fatal("the page links to nothing on it")
	}
	for _, l := range links {
		if !strings.Contains(page, `id="`+l[1]+`"`) {
			t.Errorf("the page links to #%s, which it does not hold", l[1])
		}
	}
}

// TestMisquotePassageOutsideTheQuote: a misquote's closest passage is
// the source's words, and stands after the quote's blockquote, named, in
// one of its own, then the difference: inside the quote's, it read as
// part of the quote.
func TestMisquotePassageOutsideTheQuote(t *testing.T) {
	dir, _ := export(t, smallStore())
	index := read(t, dir, "index.html")
	start := strings.Index(index, `<blockquote id="q4"`)
	if start < 0 {
		t.Fatal("no quote q4 in index.html")
	}
	quote, after, _ := strings.Cut(index[start:], "</blockquote>")
	if strings.Contains(quote, "two bags of cash") || strings.Contains(quote, "the closest passage, in the source") {
		t.Errorf("the closest passage is inside the quote's blockquote:\n%s", quote)
	}
	want := "\n<div class=\"closest\">\n<p class=\"state\">the closest passage, in the source&#39;s words:</p>\n" +
		"<blockquote class=\"source\"><p class=\"multi\">two bags of cash</p></blockquote>\n<p class=\"state\">the difference,"
	if !strings.HasPrefix(after, want) {
		t.Errorf("after the quote's blockquote:\n%.300s\nwant it to begin %q", after, want)
	}
}
