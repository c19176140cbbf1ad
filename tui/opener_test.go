package tui

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
)

// $BROWSER is read as xdg-open and Python's webbrowser read it: a list
// split on ':', each entry a command whose %s is the URL (else the URL
// goes last), its words split as a shell would split them, with no shell.
func TestBrowserCommands(t *testing.T) {
	const u = "https://example.org/a-b?c=d&e=f"
	tests := []struct {
		browser string
		want    [][]string
	}{
		{"", nil},
		{"firefox", [][]string{{"firefox", u}}},
		{"firefox --new-tab", [][]string{{"firefox", "--new-tab", u}}},
		{"firefox:chromium", [][]string{{"firefox", u}, {"chromium", u}}},
		{"firefox --new-tab:chromium --incognito", [][]string{{"firefox", "--new-tab", u}, {"chromium", "--incognito", u}}},
		{"lynx -dump %s", [][]string{{"lynx", "-dump", u}}},
		{"open -a Safari --args=%s", [][]string{{"open", "-a", "Safari", "--args=" + u}}},
		{"w3m %s -o %%s", [][]string{{"w3m", u, "-o", "%s"}}},
		{"'/opt/My Browser/run' --x", [][]string{{"/opt/My Browser/run", "--x", u}}},
		{`"/opt/My Browser/run" a\ b`, [][]string{{"/opt/My Browser/run", "a b", u}}},
		{"  firefox  ::  chromium ", [][]string{{"firefox", u}, {"chromium", u}}},
		{"'unterminated:chromium", [][]string{{"chromium", u}}},
		{"firefox; rm -rf ~", [][]string{{"firefox;", "rm", "-rf", "~", u}}}, // no shell: ; and ~ are words
	}
	for _, tt := range tests {
		got := browserCommands(tt.browser, u)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("BROWSER=%q:\n got %q\nwant %q", tt.browser, got, tt.want)
		}
	}
}

// An entry that does not start gives way to the next, which is given its
// arguments.
func TestOpenURLTriesTheBrowserList(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("a shell script opener")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "args")
	script := filepath.Join(dir, "browser")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nprintf '%s\\n' \"$@\" > "+out+".tmp && exec /bin/mv "+out+".tmp "+out+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir) // no xdg-open or open to fall back on
	t.Setenv("BROWSER", "no-such-browser:browser --new-tab")
	const u = "https://example.org/"
	msg := openURL(u)().(openedMsg)
	if msg.err != nil {
		t.Fatalf("BROWSER=%q: %v", os.Getenv("BROWSER"), msg.err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		b, err := os.ReadFile(out)
		if err == nil {
			if got := strings.Fields(string(b)); !reflect.DeepEqual(got, []string{"--new-tab", u}) {
				t.Errorf("the browser was given %q", got)
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the second browser in the list was never started")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// An opener that fails (xdg-open with no browser to run exits 3) gives
// way to the next, and when every one fails the URL is offered to copy
// rather than said to be opened.
func TestOpenURLPassesOverAFailingOpener(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("shell script openers")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "args")
	scripts := map[string]string{
		"xdg-open": "#!/bin/sh\necho 'xdg-open: no method available' >&2\nexit 3\n",
		"good":     "#!/bin/sh\nprintf '%s\\n' \"$@\" > " + out + "\n",
		// On Linux, open is often openvt, which fails for its own reason.
		"open": "#!/bin/sh\nexit 1\n",
	}
	for name, body := range scripts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", dir)
	const u = "https://example.org/"

	t.Setenv("BROWSER", "xdg-open:good")
	if msg := openURL(u)().(openedMsg); msg.err != nil {
		t.Fatalf("BROWSER=%q: %v", os.Getenv("BROWSER"), msg.err)
	}
	if b, err := os.ReadFile(out); err != nil || strings.TrimSpace(string(b)) != u {
		t.Errorf("the second opener got %q (%v)", b, err)
	}

	t.Setenv("BROWSER", "")
	msg := openURL(u)().(openedMsg)
	if msg.err == nil || !strings.Contains(msg.err.Error(), "xdg-open could not open it") {
		t.Errorf("xdg-open failing: %v, want it said", msg.err)
	}
}
