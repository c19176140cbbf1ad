package sshd

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"chrono/model"
	"chrono/model/native"
	"chrono/store"
	"chrono/tui"
)

// A served investigation for the tests: the example, in a temporary
// store, served on loopback to the keys of users.
type served struct {
	t       testing.TB
	addr    string
	srv     *Server
	db      string
	users   string
	hostKey gossh.PublicKey
}

func exampleDB(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "nso.db")
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	f, err := os.Open("../../timeline.example.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in := model.Input{Name: "timeline.example.json", Read: func(sink model.Sink) error { return native.Read(f, sink) }}
	if _, err := s.Import([]model.Input{in}, model.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	return path
}

func serve(t testing.TB, users string, limits Limits, tune ...func(*Config)) *served {
	t.Helper()
	dir := t.TempDir()
	sv := &served{t: t, db: exampleDB(t), users: filepath.Join(dir, "users")}
	if err := os.WriteFile(sv.users, []byte(users), 0o600); err != nil {
		t.Fatal(err)
	}
	host, _, err := HostKey(filepath.Join(dir, "host_ed25519"))
	if err != nil {
		t.Fatal(err)
	}
	sv.hostKey = host.PublicKey()
	shared, err := store.Open(sv.db, store.Options{Shared: true})
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{
		HostKey:        host,
		UsersFile:      sv.users,
		Investigations: []Investigation{{Name: "nso", Path: sv.db}},
		Open: func(_ Investigation, author string) (model.Store, error) {
			return shared.(interface{ As(string) model.Store }).As(author), nil
		},
		Exec: func(inv Investigation, args []string, stdout, _ io.Writer) int {
			fmt.Fprintf(stdout, "ran %s on %s\n", strings.Join(args, " "), inv.Name)
			return 0
		},
		Limits: limits,
	}
	for _, f := range tune {
		f(&cfg)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	sv.addr, sv.srv = ln.Addr().String(), srv
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close(); shared.Close() })
	return sv
}

// dial connects with auth.
func (sv *served) dial(auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", sv.addr, &gossh.ClientConfig{
		User: "anyone", Auth: auth, HostKeyCallback: gossh.FixedHostKey(sv.hostKey), Timeout: 5 * time.Second,
	})
}

func (sv *served) connect(key gossh.Signer) *gossh.Client {
	sv.t.Helper()
	c, err := sv.dial(gossh.PublicKeys(key))
	if err != nil {
		sv.t.Fatal(err)
	}
	sv.t.Cleanup(func() { c.Close() })
	return c
}

// screen is what a browser session has written, read as it comes.
type screen struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *screen) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// Len is how much the session has written, without copying it.
func (s *screen) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Len()
}

// waitFor waits up to 10s for the screen to show text.
func (s *screen) waitFor(t testing.TB, text string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(s.String(), text) {
		if time.Now().After(deadline) {
			got := s.String()
			t.Fatalf("the screen never showed %q; it ends:\n%q", text, got[max(0, len(got)-1500):])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// browse opens the browser in a terminal of 120×40.
func browse(t testing.TB, c *gossh.Client) (*gossh.Session, io.Writer, *screen, *screen) {
	t.Helper()
	return browseIn(t, c, "xterm-256color")
}

// browseIn is browse in a terminal of type term, with env set.
func browseIn(t testing.TB, c *gossh.Client, term string, env ...string) (*gossh.Session, io.Writer, *screen, *screen) {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out, errs := &screen{}, &screen{}
	sess.Stdout, sess.Stderr = out, errs
	in, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	for _, kv := range env {
		name, value, _ := strings.Cut(kv, "=")
		if err := sess.Setenv(name, value); err != nil {
			t.Fatal(err)
		}
	}
	if err := sess.RequestPty(term, 40, 120, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	out.waitFor(t, "event 1 of")
	return sess, in, out, errs
}

// journal is the store's journal, newest first.
func journal(t testing.TB, db string) []model.Entry {
	t.Helper()
	s, err := store.Open(db, store.Options{ReadOnly: true, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	entries, err := s.Journal(model.JournalQuery{})
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

// TestColoursAsTheTerminalSays: a session draws in the colours its
// terminal has, as its TERM, COLORTERM and NO_COLOR say: 256 (the
// browser's styles built in them), full colour, 16 or none; and so it
// does after the terminal says its background is light (the styles
// built again) and with a prompt's text field open.
func TestColoursAsTheTerminalSays(t *testing.T) {
	key, ana := newKey(t)
	limits := DefaultLimits()
	limits.PerKey = 8 // a session closed is let go a moment later
	sv := serve(t, usersLine("ana", "read", ana), limits)
	var (
		full    = regexp.MustCompile(`\x1b\[(?:\d+;)*[34]8;2;`)
		indexed = regexp.MustCompile(`\x1b\[(?:\d+;)*[34]8;5;`)
		basic   = regexp.MustCompile(`\x1b\[(?:\d+;)*(?:3[0-7]|9[0-7]|4[0-7]|10[0-7])(?:;\d+)*m`)
	)
	for _, c := range []struct {
		term      string
		env       []string
		has, hasn []*regexp.Regexp
	}{
		{"xterm-256color", nil, []*regexp.Regexp{indexed}, []*regexp.Regexp{full}},
		{"xterm-256color", []string{"COLORTERM=truecolor"}, []*regexp.Regexp{full}, nil},
		{"xterm", nil, []*regexp.Regexp{basic}, []*regexp.Regexp{indexed, full}},
		{"xterm-256color", []string{"NO_COLOR=1"}, nil, []*regexp.Regexp{basic, indexed, full}},
		{"dumb", nil, nil, []*regexp.Regexp{basic, indexed, full}},
	} {
		sess, in, out, _ := browseIn(t, sv.connect(key), c.term, c.env...)
		check := func(when, got string) {
			t.Helper()
			for _, want := range c.has {
				if !want.MatchString(got) {
					t.Errorf("TERM=%s %v, %s: no %s in the screen", c.term, c.env, when, want)
				}
			}
			for _, not := range c.hasn {
				if not.MatchString(got) {
					t.Errorf("TERM=%s %v, %s: %s in the screen", c.term, c.env, when, not)
				}
			}
		}
		check("at first", out.String())
		from := len(out.String())
		// The terminal's answer to the background query: white.
		io.WriteString(in, "\x1b]11;rgb:ffff/ffff/ffff\x1b\\")
		io.WriteString(in, "/")
		out.waitFor(t, "accept") // the prompt's footer: enter accept · esc cancel
		check("on a light background, searching", out.String()[from:])
		sess.Close()
	}
}

func usersLine(name, role, key string) string { return name + " " + role + " " + key + "\n" }

func TestUnknownKeyAndPasswordsAreRefused(t *testing.T) {
	_, ana := newKey(t)
	sv := serve(t, usersLine("ana", "edit", ana), DefaultLimits())
	stranger, _ := newKey(t)
	if _, err := sv.dial(gossh.PublicKeys(stranger)); err == nil || !strings.Contains(err.Error(), "unable to authenticate") {
		t.Errorf("an unknown key: %v", err)
	}
	if _, err := sv.dial(gossh.Password("secret")); err == nil {
		t.Error("a password was accepted")
	}
	answer := gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })
	if _, err := sv.dial(answer); err == nil {
		t.Error("keyboard-interactive was accepted")
	}
	if _, err := sv.dial(); err == nil {
		t.Error("no authentication was accepted")
	}
}

func TestReadKeyCannotTag(t *testing.T) {
	reader, readLine := newKey(t)
	annotator, annotateLine := newKey(t)
	sv := serve(t, usersLine("rita", "read", readLine)+usersLine("bo", "annotate", annotateLine), DefaultLimits())
	before := len(journal(t, sv.db))

	sess, in, out, _ := browse(t, sv.connect(reader))
	io.WriteString(in, "1")
	out.waitFor(t, "your role is read")
	io.WriteString(in, "t")
	io.WriteString(in, "q")
	sess.Wait()
	if n := len(journal(t, sv.db)); n != before {
		t.Fatalf("the read key changed the store: %d journal entries, was %d", n, before)
	}

	// The same keys with the annotate role tag, as bo.
	sess, in, _, _ = browse(t, sv.connect(annotator))
	io.WriteString(in, "1")
	deadline := time.Now().Add(10 * time.Second)
	for len(journal(t, sv.db)) == before && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	io.WriteString(in, "q")
	sess.Wait()
	entries := journal(t, sv.db)
	if len(entries) != before+1 || entries[0].Author != "bo" {
		t.Fatalf("after bo's tag: %d entries (was %d), newest by %q", len(entries), before, entries[0].Author)
	}
}

func TestOnlyTheReadOnlyCommandsRun(t *testing.T) {
	key, line := newKey(t)
	sv := serve(t, usersLine("ana", "admin", line), DefaultLimits())
	c := sv.connect(key)
	run := func(cmd string) (string, string, error) {
		sess, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		defer sess.Close()
		var out, errs bytes.Buffer
		sess.Stdout, sess.Stderr = &out, &errs
		err = sess.Run(cmd)
		return out.String(), errs.String(), err
	}
	if out, _, err := run("list --tag verify"); err != nil || out != "ran list --tag verify on nso\n" {
		t.Errorf("list: %q, %v", out, err)
	}
	for _, cmd := range []string{"sh -c id", "id", "tag nso-denial x", "rm nso-denial", "serve", ""} {
		out, errs, err := run(cmd)
		var exit *gossh.ExitError
		if !errors.As(err, &exit) || exit.ExitStatus() != 2 || out != "" || !strings.Contains(errs, "chrono") {
			t.Errorf("%q: out %q, err %q, %v", cmd, out, errs, err)
		}
	}
	// A quote left open: refused, rather than a guess at the words.
	if out, errs, err := run("show 'nso-denial"); err == nil || out != "" || !strings.Contains(errs, "quote") {
		t.Errorf("an open quote: out %q, err %q, %v", out, errs, err)
	}
	// No command and no terminal: what to ask for instead.
	if _, errs, _ := run(""); !strings.HasPrefix(errs, "chrono: no command, and no terminal for the browser: ") {
		t.Errorf("no command: %q", errs)
	}
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestSubsystem("sftp"); err == nil {
		t.Error("the sftp subsystem was granted")
	}
	sess.Close()
	if conn, err := c.Dial("tcp", sv.addr); err == nil {
		conn.Close()
		t.Error("local port forwarding was allowed")
	}
	if ln, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		ln.Close()
		t.Error("remote port forwarding was allowed")
	}
}

func TestRemovedKeysSessionsEnd(t *testing.T) {
	ana, anaLine := newKey(t)
	_, boLine := newKey(t)
	sv := serve(t, usersLine("ana", "edit", anaLine)+usersLine("bo", "read", boLine), DefaultLimits())
	sess, _, _, errs := browse(t, sv.connect(ana))
	ended := make(chan error, 1)
	go func() { ended <- sess.Wait() }()
	// A different size too, so that a file system with coarse times sees
	// the change.
	if err := os.WriteFile(sv.users, []byte("# ana left\n"+usersLine("bo", "read", boLine)), 0o600); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ended:
	case <-time.After(5 * time.Second):
		t.Fatal("the removed key's session is still open after 5s")
	}
	if !strings.Contains(errs.String(), "your key was removed") {
		t.Errorf("the session ended saying %q", errs.String())
	}
	if _, err := sv.dial(gossh.PublicKeys(ana)); err == nil {
		t.Error("the removed key connected again")
	}
}

// TestAPickerOffersOnlyWhatStillHolds: a person on the picker whose role
// changed, or who lost an investigation, had opened it with the role the
// picker offered when they connected. The session ends, as a browser's
// does; and an open asked as the file changes is refused.
func TestAPickerOffersOnlyWhatStillHolds(t *testing.T) {
	ana, anaLine := newKey(t)
	two := func(c *Config) {
		c.Investigations = append(c.Investigations, Investigation{Name: "leaks", Path: c.Investigations[0].Path})
	}
	sv := serve(t, usersLine("ana", "edit", anaLine), DefaultLimits(), two)
	sess, err := sv.connect(ana).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out, errs := &screen{}, &screen{}
	sess.Stdout, sess.Stderr = out, errs
	sess.RequestPty("xterm", 40, 120, gossh.TerminalModes{})
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	out.waitFor(t, "leaks (edit)")
	ended := make(chan error, 1)
	go func() { ended <- sess.Wait() }()
	if err := os.WriteFile(sv.users, []byte("# ana reads now\n"+usersLine("ana", "read", anaLine)), 0o600); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ended:
	case <-time.After(5 * time.Second):
		t.Fatal("the picker offering the old role is still open after 5s")
	}
	if !strings.Contains(errs.String(), "your role changed") {
		t.Errorf("the session ended saying %q", errs.String())
	}
	x := &session{user: "ana", key: ana.PublicKey(), ended: make(chan ending, 1)}
	if _, err := sv.srv.open(x, sv.srv.cfg.Investigations[1], tui.RoleEdit); err == nil || !strings.Contains(err.Error(), "your access to leaks changed since you connected") {
		t.Errorf("an open with the role offered before: %v", err)
	}
}

// TestAUsersFileTakenAwayRevokesEveryone: a users file deleted lists no
// one, as one emptied does; its keys went on browsing and running
// commands.
func TestAUsersFileTakenAwayRevokesEveryone(t *testing.T) {
	ana, anaLine := newKey(t)
	sv := serve(t, usersLine("ana", "edit", anaLine), DefaultLimits())
	sess, _, _, errs := browse(t, sv.connect(ana))
	ended := make(chan error, 1)
	go func() { ended <- sess.Wait() }()
	if err := os.Remove(sv.users); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ended:
	case <-time.After(6 * time.Second):
		t.Fatal("the session is still open 6s after the users file was deleted")
	}
	if !strings.Contains(errs.String(), "your key was removed") {
		t.Errorf("the session ended saying %q", errs.String())
	}
	if _, err := sv.dial(gossh.PublicKeys(ana)); err == nil {
		t.Error("a key connected with no users file")
	}
}

// TestAUsersFileEmptiedForAMomentRevokesNoOne: an editor that writes
// the users file in place empties it first; a server that read it then
// revoked every key. An empty file revokes everyone only once it stays
// empty.
func TestAUsersFileEmptiedForAMomentRevokesNoOne(t *testing.T) {
	ana, anaLine := newKey(t)
	var log screen
	sv := serve(t, usersLine("ana", "edit", anaLine), DefaultLimits(), func(c *Config) { c.Log = &log })
	sess, _, _, errs := browse(t, sv.connect(ana))
	ended := make(chan error, 1)
	go func() { ended <- sess.Wait() }()
	if err := os.WriteFile(sv.users, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(log.String(), "users file is empty") && !strings.Contains(log.String(), "users file read again") {
		if time.Now().After(deadline) {
			t.Fatalf("the empty file was not read: %q", log.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	// Written whole again, with a different size than before.
	if err := os.WriteFile(sv.users, []byte("# ana\n"+usersLine("ana", "edit", anaLine)), 0o600); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ended:
		t.Fatalf("the session ended as the file was written again: %q", errs.String())
	case <-time.After(2500 * time.Millisecond):
	}
	// Left empty, it revokes everyone.
	if err := os.WriteFile(sv.users, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ended:
	case <-time.After(6 * time.Second):
		t.Fatal("the session is still open 6s after the users file was emptied")
	}
	if !strings.Contains(errs.String(), "your key was removed") {
		t.Errorf("the session ended saying %q", errs.String())
	}
}

// TestAReadOnlyInvestigationIsBrowsedAsSuch: a store the server cannot
// write was served as if it could: the header did not say so, forms
// opened, and only a save failed, naming the server's path.
func TestAReadOnlyInvestigationIsBrowsedAsSuch(t *testing.T) {
	ana, anaLine := newKey(t)
	const why = "investigation nso is read-only on the server"
	sv := serve(t, usersLine("ana", "edit", anaLine), DefaultLimits(), func(c *Config) { c.Investigations[0].ReadOnly = why })
	sess, keys, out, _ := browse(t, sv.connect(ana))
	defer sess.Close()
	out.waitFor(t, "read-only")
	io.WriteString(keys, "A")
	out.waitFor(t, why)
}

func TestLimitsSayWhichWasReached(t *testing.T) {
	key, line := newKey(t)
	l := DefaultLimits()
	l.PerKey, l.Idle = 1, 1500*time.Millisecond
	sv := serve(t, usersLine("ana", "read", line), l)
	c := sv.connect(key)
	first, _, firstOut, errs := browse(t, c)
	second, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var secondErr bytes.Buffer
	second.Stderr = &secondErr
	if err := second.Run("list"); err == nil || !strings.Contains(secondErr.String(), "your key has 1 session open, the most one key may") {
		t.Errorf("a second session over the limit: %v, %q", err, secondErr.String())
	}
	done := make(chan error, 1)
	go func() { done <- first.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the idle session did not end")
	}
	if !strings.Contains(errs.String(), "no key was pressed for 1.5s") {
		t.Errorf("the idle session ended saying %q", errs.String())
	}
	if !strings.Contains(firstOut.String(), "unless a key is pressed") {
		t.Error("the idle session ended without a word before")
	}
}

// TestAStalledClientBlocksNoOne: a client that stops reading fills its
// connection's window, and its browser stops where it writes; another
// person's session goes on tagging, and a local chrono can still open
// the store for writing.
func TestAStalledClientBlocksNoOne(t *testing.T) {
	slow, slowLine := newKey(t)
	bo, boLine := newKey(t)
	l := DefaultLimits()
	l.KeysPerSecond = 0
	sv := serve(t, usersLine("sam", "annotate", slowLine)+usersLine("bo", "annotate", boLine), l)
	before := len(journal(t, sv.db))

	c := sv.connect(slow)
	stalled, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stalled.StdoutPipe(); err != nil { // never read
		t.Fatal(err)
	}
	in, err := stalled.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := stalled.RequestPty("xterm-256color", 60, 200, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := stalled.Shell(); err != nil {
		t.Fatal(err)
	}
	// Enough redrawing to fill the window the client never reads, then
	// nothing: the client has stalled. (Keys kept coming would keep the
	// store open for their reads.)
	for range 300 {
		if _, err := io.WriteString(in, "jjjjk?"+"\x1b"); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(3 * time.Second)

	sess, keys, _, _ := browse(t, sv.connect(bo))
	io.WriteString(keys, "1")
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if entries := journal(t, sv.db); len(entries) > before && entries[0].Author == "bo" {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if entries := journal(t, sv.db); len(entries) <= before || entries[0].Author != "bo" {
		t.Fatalf("bo's tag did not land while sam's client stalled: %d entries (was %d)", len(entries), before)
	}
	io.WriteString(keys, "q")
	sess.Wait()
	local, err := store.Open(sv.db, store.Options{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatalf("a local chrono cannot open the store while a client stalls: %v", err)
	}
	local.Close()
}

// TestChangesReachOtherSessionsUnasked: a tag made in one session, and
// a change by a chrono command on the server, appear on another
// session's screen with no key pressed there.
func TestChangesReachOtherSessionsUnasked(t *testing.T) {
	ana, anaLine := newKey(t)
	rita, ritaLine := newKey(t)
	sv := serve(t, usersLine("ana", "annotate", anaLine)+usersLine("rita", "read", ritaLine), DefaultLimits())
	_, _, watcher, _ := browse(t, sv.connect(rita))
	_, tagger, _, _ := browse(t, sv.connect(ana))
	time.Sleep(300 * time.Millisecond) // both settled
	seen := len(watcher.String())
	io.WriteString(tagger, "1") // #key on the first event
	deadline := time.Now().Add(3 * time.Second)
	for !strings.Contains(watcher.String()[seen:], "#key") {
		if time.Now().After(deadline) {
			t.Fatalf("ana's tag never reached rita's screen")
		}
		time.Sleep(10 * time.Millisecond)
	}

	// A chrono command on the server: here, the store opened as one.
	seen = len(watcher.String())
	local, err := store.Open(sv.db, store.Options{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	h, err := local.Header()
	if err != nil {
		t.Fatal(err)
	}
	h.Title = "Renamed by the desk"
	if _, _, err := (model.Retitle{Header: h}).Apply(local); err != nil {
		t.Fatal(err)
	}
	local.Close()
	deadline = time.Now().Add(3 * time.Second)
	for !strings.Contains(watcher.String()[seen:], "Renamed by the desk") {
		if time.Now().After(deadline) {
			t.Fatalf("the local change never reached rita's screen")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestPresence(t *testing.T) {
	ana, anaLine := newKey(t)
	bo, boLine := newKey(t)
	sv := serve(t, usersLine("ana", "read", anaLine)+usersLine("bo", "read", boLine), DefaultLimits())
	_, _, anaScreen, _ := browse(t, sv.connect(ana))
	boSess, boKeys, _, _ := browse(t, sv.connect(bo))
	anaScreen.waitFor(t, "with bo")
	anaScreen.waitFor(t, "bo here too") // both on the first event
	seen := len(anaScreen.String())
	io.WriteString(boKeys, "q")
	boSess.Wait()
	deadline := time.Now().Add(3 * time.Second)
	// The screen is drawn by differences: bo's leaving redraws the
	// header and the pane's title without him.
	for after := ""; after == "" || strings.Contains(after, "bo"); after = anaScreen.String()[seen:] {
		if time.Now().After(deadline) {
			t.Fatalf("ana's header still says bo is in after bo left: %q", anaScreen.String()[seen:])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestSeveralInvestigations(t *testing.T) {
	ana, anaLine := newKey(t)
	bo, boLine := newKey(t)
	dir := t.TempDir()
	leaks := exampleDB(t)
	users := filepath.Join(dir, "users")
	os.WriteFile(users, []byte(usersLine("ana", "read", anaLine)+usersLine("bo", "edit:leaks", boLine)), 0o600)
	host, _, err := HostKey(filepath.Join(dir, "host"))
	if err != nil {
		t.Fatal(err)
	}
	invs := []Investigation{{Name: "nso", Path: exampleDB(t)}, {Name: "leaks", Path: leaks}}
	shared := map[string]model.Store{}
	for _, inv := range invs {
		s, err := store.Open(inv.Path, store.Options{Shared: true})
		if err != nil {
			t.Fatal(err)
		}
		shared[inv.Name] = s
	}
	srv, err := New(Config{HostKey: host, UsersFile: users, Investigations: invs, Limits: DefaultLimits(),
		Open: func(inv Investigation, author string) (model.Store, error) {
			return shared[inv.Name].(interface{ As(string) model.Store }).As(author), nil
		},
		Exec: func(inv Investigation, args []string, stdout, _ io.Writer) int {
			fmt.Fprintf(stdout, "ran %s on %s\n", strings.Join(args, " "), inv.Name)
			return 0
		}})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	sv := &served{t: t, addr: ln.Addr().String(), hostKey: host.PublicKey()}

	// ana may see both: a picker first.
	sess, err := sv.connect(ana).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out := &screen{}
	sess.Stdout = out
	in, _ := sess.StdinPipe()
	sess.RequestPty("xterm", 40, 120, gossh.TerminalModes{})
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	out.waitFor(t, "Which investigation?")
	out.waitFor(t, "leaks (read)")
	io.WriteString(in, "j\r")
	out.waitFor(t, "event 1 of 13")
	io.WriteString(in, "q")
	sess.Wait()

	// bo sees leaks alone: no picker, and commands run on it unnamed.
	c := sv.connect(bo)
	run, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	got, err := run.Output("list")
	if err != nil || string(got) != "ran list on leaks\n" {
		t.Errorf("bo's list: %q, %v", got, err)
	}
	// and named, as a script written for several investigations names it.
	run, err = c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	got, err = run.Output("leaks list")
	if err != nil || string(got) != "ran list on leaks\n" {
		t.Errorf("bo's leaks list: %q, %v", got, err)
	}
	// An investigation bo may not see, named before a command, is said to
	// be none of bo's, not taken for a program.
	run, err = c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var errs bytes.Buffer
	run.Stderr = &errs
	got, err = run.Output("nso list")
	var exit *gossh.ExitError
	if !errors.As(err, &exit) || exit.ExitStatus() != 2 || len(got) > 0 ||
		!strings.Contains(errs.String(), `no investigation "nso" among those you may see: leaks`) || strings.Contains(errs.String(), "no shell") {
		t.Errorf("bo's nso list: %q, %q, %v", got, errs.String(), err)
	}
	// ana names one first.
	run, err = sv.connect(ana).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	got, err = run.Output("nso show fbi-tip")
	if err != nil || string(got) != "ran show fbi-tip on nso\n" {
		t.Errorf("ana's show: %q, %v", got, err)
	}
}

func TestMaxSessionEndsASession(t *testing.T) {
	key, line := newKey(t)
	l := DefaultLimits()
	l.Idle, l.MaxSession = 0, 2500*time.Millisecond
	sv := serve(t, usersLine("ana", "read", line), l)
	sess, in, out, errs := browse(t, sv.connect(key))
	done := make(chan error, 1)
	go func() { done <- sess.Wait() }()
	tick := time.NewTicker(200 * time.Millisecond) // busy, never idle
	defer tick.Stop()
	for {
		select {
		case <-done:
			if !strings.Contains(errs.String(), "the session lasted 2.5s, the longest the server allows") {
				t.Errorf("the session ended saying %q", errs.String())
			}
			// Said before, for what a form holds to be saved.
			if !strings.Contains(out.String(), "the session ends in") {
				t.Error("the session ended without a word before")
			}
			return
		case <-tick.C:
			io.WriteString(in, "j")
		case <-time.After(10 * time.Second):
			t.Fatal("the session outlived its limit")
		}
	}
}

func TestTooManyKeysAreDroppedAndSaidSo(t *testing.T) {
	key, line := newKey(t)
	l := DefaultLimits()
	l.KeysPerSecond = 5
	sv := serve(t, usersLine("ana", "read", line), l)
	_, in, out, _ := browse(t, sv.connect(key))
	io.WriteString(in, strings.Repeat("j", 40))
	out.waitFor(t, "more than 5 keys a second")
	time.Sleep(300 * time.Millisecond)
	if strings.Contains(out.String(), "event 13 of") { // the last of 13
		t.Error("every one of 40 keys was taken")
	}
}

func TestAUsersFileWithAMistakeKeepsTheListAsItWas(t *testing.T) {
	key, line := newKey(t)
	var log screen
	sv := serve(t, usersLine("ana", "read", line), DefaultLimits(), func(c *Config) { c.Log = &log })
	os.WriteFile(sv.users, []byte(usersLine("ana", "reader", line)+"# half written\n"), 0o600)
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(log.String(), "keeping the users as they were") {
		if time.Now().After(deadline) {
			t.Fatalf("the mistake was not logged: %q", log.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(log.String(), sv.users+":1:5: role \"reader\"") {
		t.Errorf("the log does not say where: %q", log.String())
	}
	if c, err := sv.dial(gossh.PublicKeys(key)); err != nil {
		t.Errorf("ana's key was dropped with the file that has a mistake: %v", err)
	} else {
		c.Close()
	}
}

// TestPresenceOfSomeoneComing: who comes in is named to those already in
// at once, wherever they are in the timeline, without a key pressed.
func TestPresenceOfSomeoneComing(t *testing.T) {
	ana, anaLine := newKey(t)
	bo, boLine := newKey(t)
	sv := serve(t, usersLine("ana", "read", anaLine)+usersLine("bo", "read", boLine), DefaultLimits())
	_, anaKeys, anaScreen, _ := browse(t, sv.connect(ana))
	io.WriteString(anaKeys, "G") // away from the first event, where bo comes in
	// What ana was told on coming in is past, and she is at the last.
	time.Sleep(presenceEvery + 500*time.Millisecond)
	browse(t, sv.connect(bo))
	anaScreen.waitFor(t, "with bo")
}

// TestRemoteSessionsSeeNoServerPath: the window's title and the help name
// the investigation served, never where its files are on the server.
func TestRemoteSessionsSeeNoServerPath(t *testing.T) {
	key, line := newKey(t)
	sv := serve(t, usersLine("rita", "read", line), DefaultLimits())
	sess, in, out, _ := browse(t, sv.connect(key))
	io.WriteString(in, "?")
	out.waitFor(t, "investigation nso")
	io.WriteString(in, "q")
	io.WriteString(in, "q")
	sess.Wait()
	if strings.Contains(out.String(), sv.db) || strings.Contains(out.String(), filepath.Base(sv.db)) {
		t.Errorf("the session showed the server's path %s", sv.db)
	}
}

// TestAKeyTakenOutIsRevokedDespiteAMistake: a key deleted from the users
// file in the same save as a mistake on another line is revoked all the
// same, once the file has settled, and the log says so; the keys still
// in the file keep their access as it was.
func TestAKeyTakenOutIsRevokedDespiteAMistake(t *testing.T) {
	ana, anaLine := newKey(t)
	lee, leeLine := newKey(t)
	var log screen
	sv := serve(t, usersLine("ana", "read", anaLine)+usersLine("lee", "read", leeLine), DefaultLimits(), func(c *Config) { c.Log = &log })
	os.WriteFile(sv.users, []byte(usersLine("ana", "read", anaLine)+"zed edit ssh-ed25519 AAAAbroken\n"), 0o600)
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(log.String(), "removed the keys no longer in the file: lee") {
		if time.Now().After(deadline) {
			t.Fatalf("lee's key was not revoked: %q", log.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if c, err := sv.dial(gossh.PublicKeys(lee)); err == nil {
		c.Close()
		t.Error("lee's key, taken out of the file, still opens a session")
	}
	if c, err := sv.dial(gossh.PublicKeys(ana)); err != nil {
		t.Errorf("ana's key, still in the file, was dropped: %v", err)
	} else {
		c.Close()
	}
}

// TestServerStopSaysWhatATypedNoteLoses: a session the server's stop
// ends with a note typed and not saved says so, as a local browser a
// signal ends does.
func TestServerStopSaysWhatATypedNoteLoses(t *testing.T) {
	key, line := newKey(t)
	sv := serve(t, usersLine("bo", "annotate", line), DefaultLimits())
	sess, in, out, errs := browse(t, sv.connect(key))
	io.WriteString(in, "\t")
	io.WriteString(in, "a")
	out.waitFor(t, "note on")
	io.WriteString(in, "call them back")
	out.waitFor(t, "call them back")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	sv.srv.Shutdown(ctx)
	sess.Wait()
	if got := errs.String(); !strings.Contains(got, "the server is stopping; the note typed for nso-mobileum-call (not saved yet) went with it") {
		t.Errorf("the session's last words: %q", got)
	}
}
