package sshd

import (
	"io"
	"os"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// A client's command goes into the server's log quoted: it can neither
// write a line of its own there nor send the log's reader escape
// sequences.
func TestTheLogTakesNoLinesFromClients(t *testing.T) {
	key, line := newKey(t)
	log := &screen{}
	sv := serve(t, usersLine("lee", "read", line), DefaultLimits(), func(c *Config) { c.Log = log })
	sess, err := sv.connect(key).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	sess.Run("show 'x\n2026-12-05 19:36:10 bo refused: forged line' '\x1b[31mred'")
	sess.Close()
	log.waitFor(t, "lee ran show")
	got := log.String()
	for l := range strings.Lines(got) {
		if strings.Contains(l, "forged") && !strings.Contains(l, "lee ran show") {
			t.Errorf("a client wrote a line of its own into the log: %q", l)
		}
	}
	if strings.ContainsRune(got, '\x1b') {
		t.Errorf("the log holds an escape sequence from a client: %q", got)
	}
	if want := `lee ran show "x\n2026-12-05 19:36:10 bo refused: forged line" "\x1b[31mred" on nso`; !strings.Contains(got, want) {
		t.Errorf("the log reads %q, want it to hold %q", got, want)
	}
}

// A key given another name in the users file ends its session: its
// changes would otherwise go on being signed with the old name.
func TestARenamedKeysSessionEnds(t *testing.T) {
	bo, boLine := newKey(t)
	sv := serve(t, usersLine("bo", "edit", boLine), DefaultLimits())
	sess, _, _, errs := browse(t, sv.connect(bo))
	ended := make(chan error, 1)
	go func() { ended <- sess.Wait() }()
	if err := os.WriteFile(sv.users, []byte("# bo is robert now\n"+usersLine("robert", "edit", boLine)), 0o600); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ended:
	case <-time.After(5 * time.Second):
		t.Fatal("the renamed key's session is still open after 5s")
	}
	if !strings.Contains(errs.String(), "your name in the server's users changed") {
		t.Errorf("the session ended saying %q", errs.String())
	}
}

// A users file taken away keeps the users as they were, and the log says
// so.
func TestAUsersFileRemovedIsSaid(t *testing.T) {
	_, line := newKey(t)
	log := &screen{}
	sv := serve(t, usersLine("ana", "edit", line), DefaultLimits(), func(c *Config) { c.Log = log })
	if err := os.Remove(sv.users); err != nil {
		t.Fatal(err)
	}
	log.waitFor(t, "keeping the users as they were")
}

// A client that gives its terminal no size (0×0) gets the browser laid
// out in 80×24, as chrono run locally does, not a blank screen.
func TestATerminalOfNoSizeIs80x24(t *testing.T) {
	key, line := newKey(t)
	sv := serve(t, usersLine("ana", "read", line), DefaultLimits())
	sess, err := sv.connect(key).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	out := &screen{}
	sess.Stdout, sess.Stderr = out, &screen{}
	if _, err := sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", 0, 0, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	out.waitFor(t, "event 1 of")
}

// A command that fails is logged with its exit code, not as done.
func TestTheLogSaysACommandFailed(t *testing.T) {
	key, line := newKey(t)
	log := &screen{}
	sv := serve(t, usersLine("lee", "read", line), DefaultLimits(), func(c *Config) {
		c.Log = log
		c.Exec = func(Investigation, []string, io.Writer, io.Writer) int { return 2 }
	})
	sess, err := sv.connect(key).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	sess.Run("list --nope")
	sess.Close()
	log.waitFor(t, "lee's list on nso ended with exit 2")
}

// A connection refused for its keys is logged once, naming what its
// client offered, so that whoever keeps the server sees a stranger, or a
// colleague whose key is not in the users file yet, knocking.
func TestARefusedConnectionIsLogged(t *testing.T) {
	_, line := newKey(t)
	stranger, _ := newKey(t)
	other, _ := newKey(t)
	log := &screen{}
	sv := serve(t, usersLine("ana", "edit", line), DefaultLimits(), func(c *Config) { c.Log = log })
	if c, err := sv.dial(gossh.PublicKeys(stranger, other)); err == nil {
		c.Close()
		t.Fatal("a stranger's keys were let in")
	}
	log.waitFor(t, "refused")
	got := log.String()
	for _, k := range []gossh.Signer{stranger, other} {
		if fp := Fingerprint(k.PublicKey()); !strings.Contains(got, fp) {
			t.Errorf("the log does not name the key %s offered: %q", fp, got)
		}
	}
	if n := strings.Count(got, "refused"); n != 1 {
		t.Errorf("the refusal is logged %d times: %q", n, got)
	}
	if !strings.Contains(got, `as "anyone"`) {
		t.Errorf("the log does not say whom the client asked to be: %q", got)
	}
}

// A session left with q is logged as ended, as it was as opened: the log
// said when sessions began, and when they ended only if the server ended
// them.
func TestTheLogSaysASessionClosed(t *testing.T) {
	key, line := newKey(t)
	log := &screen{}
	sv := serve(t, usersLine("lee", "read", line), DefaultLimits(), func(c *Config) { c.Log = log })
	sess, in, _, _ := browse(t, sv.connect(key))
	log.waitFor(t, "lee opened nso (read)")
	io.WriteString(in, "q")
	sess.Wait()
	log.waitFor(t, "lee closed nso after ")
}

// What the server refuses a person beside the sessions it serves (SFTP,
// a port forward, their agent) is logged, for who reads the log to know
// what was asked: the client was told, the log said nothing.
func TestTheLogSaysWhatWasRefused(t *testing.T) {
	key, line := newKey(t)
	log := &screen{}
	sv := serve(t, usersLine("lee", "read", line), DefaultLimits(), func(c *Config) { c.Log = log })
	c := sv.connect(key)
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestSubsystem("sftp"); err == nil {
		t.Error("the SFTP subsystem was granted")
	}
	sess.Close()
	if conn, err := c.Dial("tcp", "127.0.0.1:9"); err == nil {
		conn.Close()
		t.Error("a port forward was opened")
	}
	if _, _, err := c.SendRequest("tcpip-forward", true, gossh.Marshal(struct {
		Addr string
		Port uint32
	}{"127.0.0.1", 0})); err != nil {
		t.Fatal(err)
	}
	log.waitFor(t, `lee refused: the subsystem "sftp"`)
	log.waitFor(t, "lee refused: port forwarding")
	log.waitFor(t, "lee refused: remote port forwarding")
}

// The log speaks of the person whose session the server ended, not to
// them: it said "lee's session ended: your key was removed", the words
// the person is told.
func TestTheLogSaysWhyItEndedASessionOfThePerson(t *testing.T) {
	key, line := newKey(t)
	_, other := newKey(t)
	log := &screen{}
	sv := serve(t, usersLine("lee", "edit", line)+usersLine("bo", "read", other), DefaultLimits(), func(c *Config) { c.Log = log })
	sess, _, _, errs := browse(t, sv.connect(key))
	log.waitFor(t, "lee opened nso (edit)")
	if err := os.WriteFile(sv.users, []byte("# lee left\n"+usersLine("bo", "read", other)), 0o600); err != nil {
		t.Fatal(err)
	}
	sess.Wait()
	log.waitFor(t, "lee's session ended: ")
	if strings.Contains(log.String(), "your") {
		t.Errorf("the log speaks to the person:\n%s", log.String())
	}
	if !strings.Contains(log.String(), "lee's session ended: their key was removed from the users file") {
		t.Errorf("the log does not say why:\n%s", log.String())
	}
	if !strings.Contains(errs.String(), "your key was removed from the server's users") {
		t.Errorf("the person was told %q", errs.String())
	}
}

// A session refused at a limit is logged of the person, as one ended.
func TestTheLogSaysWhyASessionWasRefusedOfThePerson(t *testing.T) {
	key, line := newKey(t)
	l := DefaultLimits()
	l.PerKey = 1
	log := &screen{}
	sv := serve(t, usersLine("lee", "read", line), l, func(c *Config) { c.Log = log })
	c := sv.connect(key)
	browse(t, c)
	second, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var told strings.Builder
	second.Stderr = &told
	if err := second.Run("list"); err == nil || !strings.Contains(told.String(), "your key has 1 session open, the most one key may; close one first") {
		t.Errorf("a second session over the limit: %v, %q", err, told.String())
	}
	log.waitFor(t, "lee refused: ")
	if strings.Contains(log.String(), "your") || !strings.Contains(log.String(), "lee refused: their key has 1 session open, the most one key may") {
		t.Errorf("the log does not speak of the person:\n%s", log.String())
	}
}
