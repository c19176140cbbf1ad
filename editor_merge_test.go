package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestEditorKeepsAChangeMadeMeanwhile: an event edited in $EDITOR while
// another change was made to it was refused whole ("changed meanwhile by
// another change; reload it, or edit again on top of it"), even when the
// two touched different fields. Now the other's fields are kept beside
// the editor's, and said; a field both changed is refused, named, the
// editor's version kept in a file.
func TestEditorKeepsAChangeMadeMeanwhile(t *testing.T) {
	bin := buildChrono(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "case.db")
	if out, err := exec.Command(bin, "--db", db, "add", "--title", "First", "--id", "first").CombinedOutput(); err != nil {
		t.Fatalf("add: %v\n%s", err, out)
	}
	// An editor during which another changes the event, then the title
	// is edited.
	editor := func(meanwhile, title string) string {
		path := filepath.Join(dir, "editor-"+strings.ReplaceAll(meanwhile, "=", "-"))
		script := "#!/bin/sh\n\"$CHRONO\" --db \"$DB\" --author bo edit first --set '" + meanwhile + "' >/dev/null || exit 3\n" +
			"sed -i 's/\"title\": \"[^\"]*\"/\"title\": \"" + title + "\"/' \"$1\"\n"
		if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
		return path
	}
	edit := func(ed string) (string, string, error) {
		cmd := exec.Command(bin, "--db", db, "--author", "ana", "edit", "first")
		cmd.Env = append(os.Environ(), "VISUAL=", "EDITOR="+ed, "CHRONO="+bin, "DB="+db, "TMPDIR="+dir) // the version kept goes there
		var out, errOut strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		return out.String(), errOut.String(), err
	}
	show := func() string {
		out, err := exec.Command(bin, "--db", db, "show", "first").CombinedOutput()
		if err != nil {
			t.Fatalf("show: %v\n%s", err, out)
		}
		return string(out)
	}

	_, stderr, err := edit(editor("status=reported", "First, edited"))
	if err != nil || !strings.Contains(stderr, "kept beside yours: status, changed meanwhile by another change") {
		t.Fatalf("an edit beside another's: %v\n%s", err, stderr)
	}
	if got := show(); !strings.HasPrefix(got, "First, edited\n") || !strings.Contains(got, "status    reported") {
		t.Errorf("both changes are not kept:\n%s", got)
	}

	_, stderr, err = edit(editor("title=Theirs", "Mine"))
	if err == nil || !strings.Contains(stderr, `event "first": title changed meanwhile by another change, as in yours: nothing saved; chrono edit first opens it as it is now`) ||
		!strings.Contains(stderr, "your version is kept in ") {
		t.Errorf("the same field both ways: %v\n%s", err, stderr)
	}
	if got := show(); !strings.HasPrefix(got, "Theirs\n") {
		t.Errorf("the other's title was overwritten:\n%s", got)
	}
}
