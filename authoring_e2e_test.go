package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestAuthoringInTmux writes a chronology in the browser as a reporter
// would, on a real terminal: a new investigation, an event added with the
// form (its date typed as chrono shows dates), a quote citing a source
// made on the spot, a link, the date edited, the event deleted and
// restored, a change undone; then checks with chrono show, log and export
// that all of it is on disk, attributed and in order.
func TestAuthoringInTmux(t *testing.T) {
	dir, bin := tmuxChrono(t)
	db := filepath.Join(dir, "case.db")
	cli := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, append([]string{"--db", db}, args...)...)
		cmd.Env = append(cmd.Environ(), "CHRONO_AUTHOR=ana")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("chrono %q: %v\n%s", args, err, out)
		}
		return string(out)
	}
	cli("new", db, "--title", "Bags of cash")
	cli("add", "--title", "Lieu's referral", "--date", "2021")

	tm := &tmux{t: t, socket: filepath.Join(dir, "tmux.sock")}
	t.Cleanup(func() { tm.run("kill-server") })
	tm.run("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40",
		"-e", "CHRONO_AUTHOR=ana", "-e", "TERM=xterm-256color", bin, "--db", db)
	tm.waitFor("event 1 of 1")

	// An event, with the form: date, date text, its source, then the title.
	tm.keys("A")
	tm.waitFor("New event")
	tm.keys("Aug 2017")
	tm.waitFor("Aug 2017 (EDTF 2017-08)")
	tm.keys("Tab", "Tab", "Tab", "Mobileum call", "C-s")
	tm.waitFor("added “Mobileum call” as mobileum-call")

	// A quote, from a source made on the spot.
	tm.keys("Q")
	tm.waitFor("New quote for Mobileum call")
	tm.keys("We drop bags of cash at your office", "Tab", "Omri Lavie", "Tab", "Down", "Enter")
	tm.waitFor("New source")
	tm.keys("post", "Tab", "The Washington Post", "Tab", "Tab", "Bags of cash", "Tab", "Tab", "1 Feb 2022", "C-s")
	tm.waitFor("new: post")
	tm.keys("C-s")
	tm.waitFor("citing a new source")

	// A link to the other event: the call precedes the referral.
	tm.keys("L")
	tm.waitFor("Link Mobileum call")
	tm.keys("Lieu")
	tm.waitFor("Lieu's referral")
	for range 5 {
		tm.keys("Tab")
	}
	tm.waitFor("‹ precedes ›")
	tm.keys("Enter")
	tm.waitFor("linked mobileum-call precedes lieus-referral")

	// The date, edited.
	tm.keys("E")
	tm.waitFor("Edit Mobileum call")
	tm.keys("C-u", "14 Aug 2017", "C-s")
	tm.waitFor("saved “Mobileum call”")

	// Deleted, and restored from the trash.
	tm.keys("d")
	tm.waitFor("move to the trash")
	tm.keys("y")
	tm.waitFor("moved “Mobileum call” to the trash")
	tm.keys("D")
	tm.waitFor("Trash · 1 event")
	tm.keys("r")
	tm.waitFor("restored “Mobileum call”")
	tm.keys("q")
	tm.waitFor("Chronology · 2 events")

	// A change undone: a tag, then u.
	tm.keys("2")
	tm.waitFor("#verify")
	tm.keys("u")
	tm.waitFor("undid:")
	tm.keys("q")
	tm.waitForExit()

	show := cli("show", "mobileum-call")
	for _, want := range []string{"14 Aug 2017  (EDTF 2017-08-14)", "We drop bags of cash at your office", "Omri Lavie",
		"The Washington Post · “Bags of cash” · 1 Feb 2022", "precedes lieus-referral: Lieu's referral"} {
		if !strings.Contains(show, want) {
			t.Errorf("chrono show lacks %q:\n%s", want, show)
		}
	}
	if strings.Contains(show, "#verify") {
		t.Errorf("the undone tag is on disk:\n%s", show)
	}
	log := cli("log")
	var phrases []string
	for _, l := range strings.Split(log, "\n") {
		if strings.HasPrefix(l, "#") {
			if !strings.Contains(l, " ana ") {
				t.Errorf("a change not attributed to ana: %q", l)
			}
			phrases = append(phrases, l)
		}
	}
	// Newest first: the undo, the tag, the restore, the delete, the edit,
	// the link, the quote, the add, then the command line's two.
	wants := []string{"undid", "tagged #verify", "restored 1 event", "moved 1 event to the trash", "saved “Mobileum call”",
		"linked mobileum-call precedes lieus-referral", "added a quote to mobileum-call", "added “Mobileum call”",
		"added “Lieu's referral”", "started Bags of cash"}
	if len(phrases) != len(wants) {
		t.Fatalf("chrono log has %d changes, want %d:\n%s", len(phrases), len(wants), log)
	}
	for i, want := range wants {
		if !strings.Contains(phrases[i], want) {
			t.Errorf("change %d of chrono log is %q, want it to say %q", i+1, phrases[i], want)
		}
	}
	export := cli("export")
	for _, want := range []string{`"id": "post"`, `"date": "2017-08-14"`, `"rel": "precedes"`, `"source": "post"`} {
		if !strings.Contains(export, want) {
			t.Errorf("chrono export lacks %s", want)
		}
	}
}
