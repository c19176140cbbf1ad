package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// TestErrorsAt80: the common errors, said to a terminal of 80 columns,
// are wrapped at their spaces, with no line wider than the terminal
// (which would cut it anywhere) and a date example, a command or a
// quoted value whole on one line.
func TestErrorsAt80(t *testing.T) {
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	steps := [][]string{
		{"add", "--title", "Meeting", "--date", "yesterday-ish"},
		{"add", "--date", "2020"},
		{"show", "nso-mobilium-call"},
		{"import", "testdata/import/notes.txt"},
		{"list", "--during", "sometime"},
		{"edit", "fbi-tip", "--set", "date=~2019-03"},
		{"source", "show", "wapoo"},
		{"source", "add", "--id", "wapo", "--publisher", "The Washington Post", "--title", "Miller"},
		{"add", "--id", "fbi-tip", "--title", "Miller again"},
		{"source", "edit", "wapo"},
		{"import", "testdata/import/bad-event.json"},
	}
	golden.RequireEqual(t, transcriptAt80(t, db, true, steps))
}

// at80 runs the CLI in-process on a store as chrono at a terminal of 80
// columns, stdout and stderr both.
func at80(t *testing.T, db string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	t.Setenv("CHRONO_DB", db)
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	var out, errOut bytes.Buffer
	c := &cli{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, errWidth: 80, outWidth: 80}
	code = execute(c, newRootCmd(c), args)
	return out.String(), errOut.String(), code
}

// transcriptAt80 runs each of steps as at80 does, and returns what each
// said on stderr (onStderr) or stdout, under the command and over its
// exit code; a line wider than 80 columns fails t.
func transcriptAt80(t *testing.T, db string, onStderr bool, steps [][]string) string {
	t.Helper()
	var b strings.Builder
	for _, args := range steps {
		said, stderr, code := at80(t, db, args...)
		if onStderr {
			said = stderr
		}
		within80(t, "chrono "+strings.Join(args, " "), said)
		fmt.Fprintf(&b, "$ chrono %s\n%s[exit %d]\n\n", strings.Join(args, " "), said, code)
	}
	return b.String()
}

// within80 fails t on each line of what cmd said, s, wider than 80
// columns.
func within80(t *testing.T, cmd, s string) {
	t.Helper()
	for _, l := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		if ansi.StringWidth(l) > 80 {
			t.Errorf("%s: a line of %d columns: %q", cmd, ansi.StringWidth(l), l)
		}
	}
}

// TestToldAt80: what chrono tells on stderr beside its output (how to
// bring events back from the trash, that nothing was listed) is wrapped
// at 80 columns as an error is, the commands it names whole on a line.
func TestToldAt80(t *testing.T) {
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	steps := [][]string{
		{"rm", "khashoggi-killed", "pegasus-project", "commerce-entity-list"},
		{"link", "post-publishes", "precedes", "nso-mobileum-call"},
		{"list", "--tag", "whistleblower", "--status", "confirmed", "--during", "2017"},
	}
	golden.RequireEqual(t, transcriptAt80(t, db, true, steps))
}

// TestProblemsHang: a problem said at its place (an import's
// file:line:col) goes on, wrapped at a terminal, under its text past the
// place, so that where each problem begins shows at the margin; a place
// too wide for that has its text on the lines under it, a line naming
// no place is wrapped as any.
func TestProblemsHang(t *testing.T) {
	tests := []struct {
		name, msg string
		want      []string
	}{
		{"under its text", "nothing imported, the store is unchanged:\n" +
			`notes.json:6:55: event "fbi-tip" (#2): status "rumour": not one of confirmed, reported, alleged, disputed, denied` + "\n" +
			`notes.json:8:25: event "tip-three" (#3): unknown field "dat"`, []string{
			"chrono: nothing imported, the store is unchanged:",
			`notes.json:6:55: event "fbi-tip" (#2): status "rumour": not one of confirmed,`,
			`                 reported, alleged, disputed, denied`,
			`notes.json:8:25: event "tip-three" (#3): unknown field "dat"`,
		}},
		{"first line", `utf16 sheet.csv:1:1: the file is UTF-16, and chrono reads UTF-8: save it as UTF-8 (in a spreadsheet, as CSV UTF-8)`, []string{
			`chrono: utf16 sheet.csv:1:1: the file is UTF-16, and chrono reads UTF-8: save it`,
			`                             as UTF-8 (in a spreadsheet, as CSV UTF-8)`,
		}},
		{"place too wide", "nothing imported, the store is unchanged:\n" +
			`exports/newsroom/2021/the-interception-timeline-as-the-desk-kept-it.csv:4: event "tip-one" (#3): id "tip-one": already used by event #1 of the same file`, []string{
			"chrono: nothing imported, the store is unchanged:",
			`exports/newsroom/2021/the-interception-timeline-as-the-desk-kept-it.csv:4:`,
			`    event "tip-one" (#3): id "tip-one": already used by event #1 of the same`,
			`    file`,
		}},
		{"a path with colons", "nothing imported, the store is unchanged:\n" +
			`C:\case\notes.json:6:55: event "fbi-tip" (#2): status "rumour": not one of confirmed, reported, alleged` + "\n" +
			`/mnt/case:2021/notes.json:8:25: event "tip-three" (#3): unknown field "dat", nor "date_txt"`, []string{
			"chrono: nothing imported, the store is unchanged:",
			`C:\case\notes.json:6:55: event "fbi-tip" (#2): status "rumour": not one of`,
			strings.Repeat(" ", len(`C:\case\notes.json:6:55: `)) + `confirmed, reported, alleged`,
			`/mnt/case:2021/notes.json:8:25: event "tip-three" (#3): unknown field "dat", nor`,
			strings.Repeat(" ", len(`/mnt/case:2021/notes.json:8:25: `)) + `"date_txt"`,
		}},
		{"a colon before a space ends what is said first", "reading notes.json: line 3:4: a quote left open runs to the end of the file, where nothing closes it", []string{
			"chrono: reading notes.json: line 3:4: a quote left open runs to the end of the",
			"file, where nothing closes it",
		}},
		{"no place", "edit: event fbi-tip: the date 2017-08-14T15:04:05: written with seconds, which this field does not keep", []string{
			"chrono: edit: event fbi-tip: the date 2017-08-14T15:04:05: written with seconds,",
			"which this field does not keep",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := errorText(tt.msg, 80); got != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", got, strings.Join(tt.want, "\n"))
			}
		})
	}
}
