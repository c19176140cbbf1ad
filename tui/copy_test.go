package tui

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// noClipboardProgram leaves the browser with no clipboard program to run,
// so that y can only write OSC 52 to the terminal.
func noClipboardProgram(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
}

func TestCopyAndOpenActOnTheSelection(t *testing.T) {
	noClipboardProgram(t)
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	d.keys("tab", "j", "j", "j") // past nso-mobileum-call's three quotes to its link
	if k := d.browser().keys; k.Copy.Help().Desc != "copy linked event" || k.OpenURL.Help().Desc != "go to linked event" {
		t.Errorf("on a link, y and o say %q and %q", k.Copy.Help().Desc, k.OpenURL.Help().Desc)
	}
	d.keys("y")
	if len(d.clipboard) != 1 {
		t.Fatalf("clipboard writes: %q", d.clipboard)
	}
	linked := event(t, s, "nso-denial")
	got := d.clipboard[0]
	for _, want := range []string{linked.Title, linked.Date.Label(), "nso-denial"} {
		if !strings.Contains(got, want) {
			t.Errorf("y on the link copied %q, missing %q", got, want)
		}
	}
	if strings.Contains(got, "bags of cash") {
		t.Errorf("y on the link copied the first quote: %q", got)
	}
	if !strings.Contains(d.status(), "nso-denial") {
		t.Errorf("status %q does not say what was copied", d.status())
	}
	d.keys("o")
	if d.selected() != "nso-denial" {
		t.Errorf("o on the link: selected %q, status %q", d.selected(), d.status())
	}
}

func TestCopyAndOpenOnANote(t *testing.T) {
	noClipboardProgram(t)
	d := newDriver(t, exampleStore(t), 120, 40)
	d.to("fbi-tip") // a quote, a link, and now a note
	d.keys("a")
	d.typeText("call Tye back")
	d.keys("ctrl+s", "tab", "j", "j", "j", "j", "j") // notes come last
	if n, ok := d.sources().note(); !ok || n != 0 {
		t.Fatalf("the note is not selected")
	}
	// Neither the footer nor the help offers to copy or open what a
	// note has not.
	lines := strings.Split(d.screen(), "\n")
	if foot := lines[len(lines)-1]; strings.Contains(foot, "y copy") || strings.Contains(foot, "o open") {
		t.Errorf("on a note the footer offers y or o: %q", foot)
	}
	d.keys("?")
	if help := d.screen(); strings.Contains(help, "copy quote") || strings.Contains(help, "open source") {
		t.Errorf("on a note the help offers y or o:\n%s", help)
	}
	d.keys("esc")
	if n, ok := d.sources().note(); !ok || n != 0 {
		t.Fatalf("the note is no longer selected after the help")
	}
	d.keys("y")
	if len(d.clipboard) != 0 {
		t.Errorf("y on a note copied %q", d.clipboard)
	}
	if !strings.Contains(d.status(), "select a quote") {
		t.Errorf("y on a note: status %q", d.status())
	}
	d.keys("o")
	if d.selected() != "fbi-tip" || !strings.Contains(d.status(), "select a quote") {
		t.Errorf("o on a note: selected %q, status %q", d.selected(), d.status())
	}
}

func TestCopyWithoutAClipboardProgramSaysOSC52(t *testing.T) {
	noClipboardProgram(t)
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("y")
	if len(d.clipboard) != 1 {
		t.Fatalf("clipboard writes: %q", d.clipboard)
	}
	for _, want := range []string{"OSC 52", "if the terminal ignores it, nothing was copied"} {
		if !strings.Contains(d.status(), want) {
			t.Errorf("status %q, missing %q", d.status(), want)
		}
	}
	if strings.Contains(d.status(), "byte-for-byte") {
		t.Errorf("plain text said to be altered: %q", d.status())
	}
}

// fakeClipboard puts a clipboard program named name on PATH that keeps
// what it reads in the file it returns, and exits with status code.
func fakeClipboard(t *testing.T, name string, code int) string {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "copied")
	script := "#!/bin/sh\n/bin/cat > '" + out + "'\nexit " + strconv.Itoa(code) + "\n"
	if err := os.WriteFile(filepath.Join(dir, name), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	t.Setenv("WAYLAND_DISPLAY", "")
	t.Setenv("DISPLAY", ":7")
	return out
}

func TestCopyThroughAClipboardProgram(t *testing.T) {
	if _, err := os.Stat("/bin/cat"); err != nil {
		t.Skip("no /bin/cat for the stand-in clipboard program")
	}
	out := fakeClipboard(t, "xclip", 0)
	d := newDriver(t, exampleStore(t), 120, 40)
	d.browser().ctx.clip = systemClipboard
	d.keys("y")
	copied, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(copied), "Gary Miller alleges") {
		t.Fatalf("xclip got %q (%v)", copied, err)
	}
	if len(d.clipboard) != 0 {
		t.Errorf("OSC 52 was written as well: %q", d.clipboard)
	}
	if st := d.status(); !strings.HasPrefix(st, "copied the quote with xclip") {
		t.Errorf("status %q", st)
	}

	fakeClipboard(t, "xclip", 1) // as when the X server is gone
	d.browser().ctx.clip = systemClipboard
	d.keys("y")
	if len(d.clipboard) != 1 {
		t.Fatalf("no OSC 52 after xclip failed: %q", d.clipboard)
	}
	for _, want := range []string{"xclip failed (exit status 1)", "OSC 52"} {
		if !strings.Contains(d.status(), want) {
			t.Errorf("status %q, missing %q", d.status(), want)
		}
	}
}

func TestCopySaysWhenTextWasMadeSafe(t *testing.T) {
	noClipboardProgram(t)
	s := hostileFixtureStore(t)
	d := startDriver(t, New(s, Options{Now: func() time.Time { return noted }}))
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	d.keys("y")
	if len(d.clipboard) != 1 || !strings.Contains(d.clipboard[0], "␛") {
		t.Fatalf("clipboard writes: %q", d.clipboard)
	}
	if !strings.Contains(d.status(), "not byte-for-byte") {
		t.Errorf("status %q", d.status())
	}
}

func TestClipboardCommandFitsTheSession(t *testing.T) {
	all := func(name string) (string, error) { return "/usr/bin/" + name, nil }
	only := func(names ...string) func(string) (string, error) {
		return func(name string) (string, error) {
			for _, n := range names {
				if n == name {
					return "/usr/bin/" + name, nil
				}
			}
			return "", os.ErrNotExist
		}
	}
	env := func(vars ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(vars); i += 2 {
				if vars[i] == k {
					return vars[i+1]
				}
			}
			return ""
		}
	}
	for _, c := range []struct {
		name string
		goos string
		env  func(string) string
		look func(string) (string, error)
		want string
	}{
		{"macOS", "darwin", env(), all, "/usr/bin/pbcopy"},
		{"Wayland", "linux", env("WAYLAND_DISPLAY", "wayland-0", "DISPLAY", ":0"), all, "/usr/bin/wl-copy"},
		{"X", "linux", env("DISPLAY", ":0"), all, "/usr/bin/xclip -selection clipboard"},
		{"X with xsel alone", "linux", env("DISPLAY", ":0"), only("xsel"), "/usr/bin/xsel --clipboard --input"},
		{"Wayland without wl-copy", "linux", env("WAYLAND_DISPLAY", "wayland-0", "DISPLAY", ":0"), only("xclip"), "/usr/bin/xclip -selection clipboard"},
		{"ssh, no display", "linux", env(), all, ""},
		{"a display and no program", "linux", env("DISPLAY", ":0"), only(), ""},
	} {
		if got := strings.Join(clipboardCommand(c.goos, c.env, c.look), " "); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// TestCopyOfferedURLThroughAClipboardProgram checks that y, offered by a
// URL there was no program to open, copies as every y does: through the
// clipboard program, saying so, and not by OSC 52 claimed as copied.
func TestCopyOfferedURLThroughAClipboardProgram(t *testing.T) {
	if _, err := os.Stat("/bin/cat"); err != nil {
		t.Skip("no /bin/cat for the stand-in clipboard program")
	}
	out := fakeClipboard(t, "xclip", 0)
	d := newDriver(t, exampleStore(t), 120, 40)
	d.browser().ctx.clip = systemClipboard
	const url = "https://example.org/story"
	d.send(openedMsg{url: url, err: errNoOpener})
	d.keys("y")
	copied, err := os.ReadFile(out)
	if err != nil || string(copied) != url {
		t.Fatalf("xclip got %q (%v), want the URL", copied, err)
	}
	if len(d.clipboard) != 0 {
		t.Errorf("OSC 52 was written as well: %q", d.clipboard)
	}
	if st := d.status(); !strings.HasPrefix(st, "copied the URL with xclip") {
		t.Errorf("status %q", st)
	}
}
