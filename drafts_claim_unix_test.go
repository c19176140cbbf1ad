//go:build unix

package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"chrono/tui"
)

// TestDraftGoesToOneBrowser: browsers of the same investigation, for the
// same person, started at the same moment are each given a draft of
// their own, or none: never the same one twice, which two forms would
// then save twice, or one lose the other's typing.
func TestDraftGoesToOneBrowser(t *testing.T) {
	for _, tc := range []struct {
		name              string
		drafts, claimants int
	}{
		{"one draft, two browsers", 1, 2},
		{"one draft, eight browsers", 1, 8},
		{"two drafts, five browsers", 2, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("XDG_STATE_HOME", t.TempDir())
			db := filepath.Join(t.TempDir(), "a.db")
			ended := time.Date(2026, 12, 6, 16, 0, 0, 0, time.UTC)
			for i := range tc.drafts {
				d := &tui.Draft{Form: tui.DraftNote, Event: "x", Fields: map[string]string{"text": "typed"}, Ended: ended.Add(time.Duration(i) * time.Second)}
				if err := draftsFor(db, "", "ana").Keep(d); err != nil {
					t.Fatal(err)
				}
			}
			var (
				start = make(chan struct{})
				wg    sync.WaitGroup
				mu    sync.Mutex
				given = map[time.Time]int{}
			)
			for range tc.claimants {
				wg.Add(1)
				go func() {
					defer wg.Done()
					ana := draftsFor(db, "", "ana") // each browser its own
					<-start
					d, err := ana.Kept()
					if err != nil {
						t.Error(err)
						return
					}
					if d != nil {
						mu.Lock()
						given[d.Ended]++
						mu.Unlock()
					}
				}()
			}
			close(start)
			wg.Wait()
			if len(given) != tc.drafts {
				t.Errorf("%d drafts given out of %d kept: %v", len(given), tc.drafts, given)
			}
			for ended, n := range given {
				if n != 1 {
					t.Errorf("the draft of %s was given to %d browsers", ended.Format(time.TimeOnly), n)
				}
			}
		})
	}
}

// TestDraftGivenUpGoesToTheNext: a draft a browser was given and kept
// unopened (a read-only store), or left by a browser that died (kill -9,
// the machine down) goes to the next browser; one dropped, saved, does
// not.
func TestDraftGivenUpGoesToTheNext(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	db := filepath.Join(t.TempDir(), "a.db")
	d := &tui.Draft{Form: tui.DraftNote, Event: "x", Fields: map[string]string{"text": "typed"}, Ended: time.Date(2026, 12, 6, 16, 0, 0, 0, time.UTC)}
	if err := draftsFor(db, "", "ana").Keep(d); err != nil {
		t.Fatal(err)
	}
	first := draftsFor(db, "", "ana")
	got, err := first.Kept()
	if err != nil || got == nil {
		t.Fatalf("kept %+v, %v", got, err)
	}
	if other, _ := draftsFor(db, "", "ana").Kept(); other != nil {
		t.Fatal("a draft given to one browser was given to another")
	}
	if err := first.Keep(got); err != nil {
		t.Fatal(err)
	}
	second := draftsFor(db, "", "ana")
	if got, err = second.Kept(); err != nil || got == nil {
		t.Fatalf("the draft given up was not given to the next browser: %+v, %v", got, err)
	}
	if err := second.Drop(got); err != nil {
		t.Fatal(err)
	}
	if got, _ := draftsFor(db, "", "ana").Kept(); got != nil {
		t.Errorf("a draft dropped was given again: %+v", got)
	}
}

// TestDraftOfADeadBrowser: a draft given to a browser whose process was
// killed (kill -9, nothing to give it up) goes to the next. The browser
// is this test's binary run again, killed once it holds the draft.
func TestDraftOfADeadBrowser(t *testing.T) {
	if db := os.Getenv("CHRONO_TEST_DRAFT_CLAIM"); db != "" {
		os.Setenv("XDG_STATE_HOME", os.Getenv("CHRONO_TEST_DRAFT_STATE")) // not TestMain's
		d, err := draftsFor(db, "", "ana").Kept()
		if err != nil || d == nil {
			os.Stdout.WriteString("none\n")
			os.Exit(1)
		}
		os.Stdout.WriteString("given\n")
		select {} // until killed
	}
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	db := filepath.Join(t.TempDir(), "a.db")
	d := &tui.Draft{Form: tui.DraftNote, Event: "x", Fields: map[string]string{"text": "typed"}, Ended: time.Date(2026, 12, 6, 16, 0, 0, 0, time.UTC)}
	if err := draftsFor(db, "", "ana").Keep(d); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestDraftOfADeadBrowser$", "-test.count=1")
	cmd.Env = append(os.Environ(), "CHRONO_TEST_DRAFT_CLAIM="+db, "CHRONO_TEST_DRAFT_STATE="+state)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if line, _ := bufio.NewReader(out).ReadString('\n'); line != "given\n" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the other browser said %q", line)
	}
	if got, _ := draftsFor(db, "", "ana").Kept(); got != nil {
		t.Error("the draft held by a running browser was given to another")
	}
	cmd.Process.Kill()
	cmd.Wait()
	if got, err := draftsFor(db, "", "ana").Kept(); err != nil || got == nil {
		t.Errorf("the draft of a browser killed was not given to the next: %+v, %v", got, err)
	}
}
