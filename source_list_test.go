package main

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// TestSourceListSaysItHasNone: source list of an investigation with no
// sources says so on stderr, and how to add one; it printed nothing.
func TestSourceListSaysItHasNone(t *testing.T) {
	db := newDB(t)
	mustChrono(t, db, "new", db)
	r := chrono(t, db, "", "source", "list")
	if want := "no sources in this investigation; add one with chrono source add --publisher P --title T\n"; r.code != 0 || r.stdout != "" || r.stderr != want {
		t.Errorf("source list: exit %d, stdout %q, stderr %q; want stderr %q", r.code, r.stdout, r.stderr, want)
	}
}

// longSources is a store of the example investigation and sources whose
// publishers, titles and URLs run past any terminal's line, one in
// Japanese, whose characters take two columns each.
func longSources(t *testing.T) string {
	t.Helper()
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	mustChrono(t, db, "source", "add", "--id", "ministry-of-the-interior-annual-report-2021",
		"--publisher", "Ministry of the Interior, Directorate of Communications and Public Affairs",
		"--title", "Annual report on the lawful interception of telecommunications, with annexes",
		"--published", "2021-06", "--url", "https://www.example.gov/publications/annual-reports/2021/lawful-interception-of-telecommunications.pdf")
	mustChrono(t, db, "source", "add", "--id", "asahi", "--publisher", "朝日新聞",
		"--title", "監視ソフトウェアの輸出をめぐる政府と企業の長い交渉の記録", "--url", "https://www.asahi.com/articles/ASP000000.html")
	return db
}

// TestSourceListAt80: chrono source list at a terminal of 80 columns,
// too narrow for its table, lists each source on lines of its own: its
// id whole at the margin, its publisher, date and count beside it, its
// title and URL wrapped under them; no line is wider than the terminal.
func TestSourceListAt80(t *testing.T) {
	db := longSources(t)
	golden.RequireEqual(t, transcriptAt80(t, db, false, [][]string{{"source", "list"}}))
}

// TestSourceListFitsTheTerminal: at a wider terminal chrono source list
// is its table, the publisher, title and URL shortened with an ellipsis
// to the terminal's width, the ids, dates and counts whole; to a pipe
// every line is whole.
func TestSourceListFitsTheTerminal(t *testing.T) {
	db := longSources(t)
	t.Setenv("CHRONO_DB", db)
	var out bytes.Buffer
	c := &cli{stdin: strings.NewReader(""), stdout: &out, stderr: io.Discard, outWidth: 160, errWidth: 160}
	if code := execute(c, newRootCmd(c), []string{"source", "list"}); code != 0 {
		t.Fatalf("source list: exit %d", code)
	}
	for _, l := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		if w := ansi.StringWidth(l); w > 160 {
			t.Errorf("a line of %d columns: %q", w, l)
		}
	}
	golden.RequireEqual(t, out.String())
	piped := mustChrono(t, db, "source", "list").stdout
	for _, whole := range []string{"ministry-of-the-interior-annual-report-2021", "Annual report on the lawful interception of telecommunications, with annexes",
		"https://www.example.gov/publications/annual-reports/2021/lawful-interception-of-telecommunications.pdf", "監視ソフトウェアの輸出をめぐる政府と企業の長い交渉の記録"} {
		if !strings.Contains(piped, whole) {
			t.Errorf("to a pipe, %q is not whole:\n%s", whole, piped)
		}
	}
}
