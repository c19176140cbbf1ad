package sshd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/anmitsu/go-shlex"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	bm "charm.land/wish/v2/bubbletea"
	"github.com/charmbracelet/colorprofile"
	gossh "golang.org/x/crypto/ssh"

	"chrono/model"
	"chrono/model/termtext"
	"chrono/tui"
)

// Investigation is a store the server serves, by the name people pick
// it by (and a users file's ROLE:NAME names).
type Investigation struct {
	Name, Path string
	// Warning, when set, is said on the status line of each browser
	// opened on it: a store that may have lost its last change.
	Warning string
	// ReadOnly, when set, says why nothing can be changed in it, as the
	// browser's header and its keys that would say (tui.Options).
	ReadOnly string
}

// Config is what a Server serves, and to whom.
type Config struct {
	HostKey gossh.Signer
	// UsersFile lists the people and their keys (ParseUsers); it is read
	// again when it changes.
	UsersFile      string
	Investigations []Investigation
	// Open returns the store of an investigation for one session, its
	// changes attributed to author.
	Open func(inv Investigation, author string) (model.Store, error)
	// Exec runs one of ExecCommands on an investigation, its output to
	// stdout and stderr, and returns its exit code. No shell runs.
	Exec func(inv Investigation, args []string, stdout, stderr io.Writer) int
	// Browser tunes each session's browser; Role and Remote are the
	// server's to set.
	Browser tui.Options
	Limits  Limits
	// Log is where connections are logged; nil for nowhere.
	Log io.Writer
	// Drafts, when set, keeps what a person typed in a form and had not
	// saved when their session ended, for their next session of the
	// investigation (tui.Options.Drafts).
	Drafts func(user string, inv Investigation) tui.Drafts
}

// ExecCommands are the commands a client may run (ssh host -- list):
// chrono's read-only ones.
var ExecCommands = []string{"list", "show", "export"}

// pollEvery is how often the users file is looked at, and a session's
// limits checked: a removed key's sessions end within it.
const pollEvery = time.Second

// Server serves the browser over SSH.
type Server struct {
	cfg Config
	srv *ssh.Server

	mu       sync.Mutex
	users    Users
	stamp    fileStamp
	faulty   fileStamp // the users file with a mistake, or empty, as last seen
	sessions map[*session]struct{}
	perKey   map[string]int // open sessions by key fingerprint
	keys     map[string]*bucket
	writes   map[string]*bucket
	done     chan struct{}
	closing  sync.Once
	// answers are how long the keys of every session took to answer.
	answers keyTimes
	// refused are the keys refused to connections still authenticating.
	refused refusals
}

// session is one open connection's session.
type session struct {
	user string
	key  gossh.PublicKey
	inv  string // "" until the browser has one
	// offered are the investigations the picker offers, with the role
	// in each, as the users file gave them when the session began.
	offered map[string]tui.Role
	ended   chan ending
	// changes carries the newest version of the session's store, for
	// its browser to read again; the server never waits for a session.
	changes chan string
	// selected is the event the session's browser has selected; presence
	// says that who else is in, or at that event, may have changed: the
	// session asks (Server.presenceFor) when it is ready to be told.
	selected string
	presence chan struct{}
	told     presenceTold // guarded by the server's mu, as selected is
	// colors is the profile of the client's terminal's colours when
	// its browser builds its styles in them (colorsOf); zero when its
	// frames are drawn in full colour or none.
	colors colorprofile.Profile
}

// colorsOf is the profile of a client's colours when it has 256 or 16
// (as its TERM and COLORTERM say, the way Bubble Tea reads them): its
// browser then builds its styles in them once, rather than each frame's
// colours being converted as it is written. Zero for a terminal of full
// colour, drawn as it is, or of none, whose frames lose their colours
// as they are written (browse).
func colorsOf(sess ssh.Session) colorprofile.Profile {
	if p := profileOf(sess); p == colorprofile.ANSI256 || p == colorprofile.ANSI {
		return p
	}
	return 0
}

// profileOf is the profile of a client's colours, as its TERM and
// COLORTERM say.
func profileOf(sess ssh.Session) colorprofile.Profile {
	env := sess.Environ()
	if pty, _, ok := sess.Pty(); ok {
		env = append(env, "TERM="+pty.Term)
	}
	return colorprofile.Env(env)
}

// changed offers the session a new version of its store, replacing one
// it has not taken yet.
func (x *session) changed(version string) {
	for {
		select {
		case x.changes <- version:
			return
		default:
		}
		select {
		case <-x.changes:
		default:
		}
	}
}

// ending is why the server ends a session, or refuses one: as the
// person is told it, and as the server's log says it, of them.
type ending struct{ told, logged string }

// endingAlike is a reason told and logged in the same words.
func endingAlike(why string) ending { return ending{told: why, logged: why} }

// end asks the session to end, saying why; a second reason is dropped.
func (x *session) end(why ending) {
	select {
	case x.ended <- why:
	default:
	}
}

// New reads the users file and makes the server; Serve starts it.
func New(cfg Config) (*Server, error) {
	if cfg.HostKey == nil {
		return nil, errors.New("no host key")
	}
	s := &Server{cfg: cfg, sessions: map[*session]struct{}{}, perKey: map[string]int{}, keys: map[string]*bucket{}, writes: map[string]*bucket{}, done: make(chan struct{})}
	users, stamp, err := s.readUsers()
	if err != nil {
		return nil, err
	}
	s.users, s.stamp = users, stamp
	l := cfg.Limits
	srv, err := wish.NewServer(
		func(srv *ssh.Server) error { srv.HostSigners = []ssh.Signer{cfg.HostKey}; return nil },
		wish.WithPublicKeyAuth(func(ctx ssh.Context, key ssh.PublicKey) bool {
			_, ok := s.currentUsers().Known(key)
			if !ok {
				s.refused.refuse(ctx.RemoteAddr().String(), ctx.User(), Fingerprint(key))
			}
			return ok
		}),
		func(srv *ssh.Server) error {
			srv.Handler = s.handle
			srv.Version = "chrono"
			srv.HandshakeTimeout = 30 * time.Second
			// Backstops: the session's own limits end it first, and say so.
			if l.Idle > 0 {
				srv.IdleTimeout = l.Idle + time.Minute
			}
			if l.MaxSession > 0 {
				srv.MaxTimeout = l.MaxSession + time.Minute
			}
			// No subsystem (SFTP), no forwarding: the defaults refuse them;
			// say so here, so that no later default changes it.
			srv.SubsystemHandlers = map[string]ssh.SubsystemHandler{}
			srv.ChannelHandlers = map[string]ssh.ChannelHandler{
				"session":      s.noAgentSessions,
				"direct-tcpip": s.refusedChannel("port forwarding"), // ssh -L
			}
			srv.RequestHandlers = map[string]ssh.RequestHandler{
				"tcpip-forward": s.refusedRequest("remote port forwarding"), // ssh -R
			}
			srv.LocalPortForwardingCallback = nil
			srv.ReversePortForwardingCallback = nil
			// A connection that fails after its keys were refused was
			// refused for them: said once, with the keys. One let in
			// after a refused key, or failing before any, is not.
			srv.ConnectionFailedCallback = func(conn net.Conn, _ error) {
				addr := conn.RemoteAddr().String()
				if o := s.refused.forget(addr); o != nil {
					s.logf("refused %s %s", addr, o)
				}
			}
			srv.ConnectionCloseCallback = func(conn net.Conn) { s.refused.forget(conn.RemoteAddr().String()) }
			return nil
		},
	)
	if err != nil {
		return nil, err
	}
	s.srv = srv
	return s, nil
}

// Serve accepts connections on ln until Close.
func (s *Server) Serve(ln net.Listener) error {
	go s.watch()
	for _, inv := range s.cfg.Investigations {
		go s.watchStore(inv)
	}
	err := s.srv.Serve(ln)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Close ends every session and stops listening.
func (s *Server) Close() error {
	s.closing.Do(func() { close(s.done) })
	return s.srv.Close()
}

// Shutdown stops listening and lets the sessions end, until ctx is done.
func (s *Server) Shutdown(ctx context.Context) error {
	s.closing.Do(func() { close(s.done) })
	s.mu.Lock()
	for x := range s.sessions {
		x.end(endingAlike("the server is stopping"))
	}
	s.mu.Unlock()
	err := s.srv.Shutdown(ctx)
	s.logf("%s", &s.answers)
	return err
}

func (s *Server) currentUsers() Users {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.users
}

// logf writes a line to the server's log. What a client sent (a
// command's arguments, an investigation's name) is in it, and a client
// must not write lines of its own into the log, nor send its reader's
// terminal escape sequences: the line is made safe whole.
func (s *Server) logf(format string, args ...any) {
	if s.cfg.Log != nil {
		fmt.Fprintln(s.cfg.Log, time.Now().Format(time.DateTime)+" "+termtext.Line(fmt.Sprintf(format, args...)))
	}
}

// quotedArgs are a command's arguments as a shell would read them back:
// an argument with anything but plain characters in it is quoted, its
// control characters escaped.
func quotedArgs(args []string) string {
	plain := func(r rune) bool {
		return r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("@%+=:,./_-", r))
	}
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = a
		if a == "" || strings.IndexFunc(a, func(r rune) bool { return !plain(r) }) >= 0 {
			out[i] = strconv.Quote(a)
		}
	}
	return strings.Join(out, " ")
}

// names are the served investigations' names.
func (s *Server) names() []string {
	var out []string
	for _, inv := range s.cfg.Investigations {
		out = append(out, inv.Name)
	}
	return out
}

// visible are the investigations key may see, with its role in each.
func (s *Server) visible(key gossh.PublicKey) (invs []Investigation, roles []tui.Role) {
	users := s.currentUsers()
	for _, inv := range s.cfg.Investigations {
		if _, role, ok := users.Role(key, inv.Name); ok {
			invs, roles = append(invs, inv), append(roles, role)
		}
	}
	return invs, roles
}

// sessionCount counts sessions in words: "1 session", "4 sessions".
func sessionCount(n int) string {
	if n == 1 {
		return "1 session"
	}
	return fmt.Sprintf("%d sessions", n)
}

// admit counts a session of key in, or says which limit it reaches.
func (s *Server) admit(x *session) (release func(), refused ending) {
	fp := Fingerprint(x.key)
	s.mu.Lock()
	defer s.mu.Unlock()
	l := s.cfg.Limits
	switch {
	case l.Total > 0 && len(s.sessions) >= l.Total:
		full := fmt.Sprintf("the server has %s open, its most", sessionCount(l.Total))
		return nil, ending{told: full + "; try again later", logged: full}
	case l.PerKey > 0 && s.perKey[fp] >= l.PerKey:
		many := fmt.Sprintf("key has %s open, the most one key may", sessionCount(l.PerKey))
		return nil, ending{told: "your " + many + "; close one first", logged: "their " + many}
	}
	s.sessions[x] = struct{}{}
	s.perKey[fp]++
	return func() {
		s.mu.Lock()
		delete(s.sessions, x)
		s.perKey[fp]--
		s.mu.Unlock()
	}, ending{}
}

// personal is the user's bucket in m, made with mk.
func (s *Server) personal(m map[string]*bucket, user string, mk func() *bucket) *bucket {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := m[user]
	if b == nil {
		b = mk()
		m[user] = b
	}
	return b
}

// handle is every session: the browser, or a read-only command.
func (s *Server) handle(sess ssh.Session) {
	key := sess.PublicKey()
	if key == nil {
		sess.Exit(1)
		return
	}
	user, ok := s.currentUsers().Known(key)
	if !ok {
		fmt.Fprintln(sess.Stderr(), "chrono: your key is not among the server's users")
		sess.Exit(1)
		return
	}
	x := &session{user: user, key: key, ended: make(chan ending, 1), changes: make(chan string, 1), presence: make(chan struct{}, 1)}
	release, refused := s.admit(x)
	if refused.told != "" {
		fmt.Fprintln(sess.Stderr(), "chrono: "+refused.told)
		s.logf("%s refused: %s", user, refused.logged)
		sess.Exit(1)
		return
	}
	defer release()
	invs, roles := s.visible(key)
	if len(invs) == 0 {
		fmt.Fprintln(sess.Stderr(), "chrono: your key may see none of the investigations served here")
		sess.Exit(1)
		return
	}
	_, _, pty := sess.Pty()
	if len(sess.Command()) > 0 || !pty {
		sess.Exit(s.exec(sess, user, invs))
		return
	}
	s.mu.Lock()
	x.offered = map[string]tui.Role{}
	for i, inv := range invs {
		x.offered[inv.Name] = roles[i]
	}
	s.mu.Unlock()
	sess.Exit(s.browse(sess, x, invs, roles))
}

// exec runs a read-only command for the session, never a shell.
func (s *Server) exec(sess ssh.Session, user string, invs []Investigation) int {
	stderr := sess.Stderr()
	args, err := shlex.Split(sess.RawCommand(), true)
	if err != nil {
		// The session's own split drops the error and runs what it made
		// of the words: an id looked up with a quote's half.
		fmt.Fprintf(stderr, "chrono: the command's quotes do not close (%s): nothing was run\n", termtext.Line(sess.RawCommand()))
		return 2
	}
	usage := "chrono serves the browser to a terminal (ssh -t), and runs " + strings.Join(ExecCommands, ", ") + ": ssh HOST -- list --tag verify"
	if len(invs) > 1 {
		usage = "chrono serves the browser to a terminal (ssh -t), and runs " + strings.Join(ExecCommands, ", ") + " on an investigation named first: ssh HOST -- " + termtext.Line(invs[0].Name) + " list"
	}
	inv := invs[0]
	if len(invs) == 1 && len(args) > 0 && args[0] == inv.Name && !slices.Contains(ExecCommands, args[0]) {
		// A person who may see one investigation may still name it, as a
		// script written for a server of several does.
		args = args[1:]
	}
	if len(invs) == 1 && len(args) > 1 && !slices.Contains(ExecCommands, args[0]) && slices.Contains(ExecCommands, args[1]) {
		// A script written for a server of several names an investigation
		// this key may not see: that is what to say, not that no program
		// runs. Whether the server has it is not said.
		fmt.Fprintf(stderr, "chrono: no investigation %q among those you may see: %s\n%s\n", args[0], termtext.Line(inv.Name), usage)
		s.logf("%s refused exec %q", user, sess.RawCommand())
		return 2
	}
	if len(invs) > 1 && len(args) > 0 {
		i := slices.IndexFunc(invs, func(v Investigation) bool { return v.Name == args[0] })
		if i < 0 {
			var names []string
			for _, v := range invs {
				names = append(names, termtext.Line(v.Name))
			}
			fmt.Fprintf(stderr, "chrono: name the investigation first, one of: %s\n%s\n", strings.Join(names, ", "), usage)
			return 2
		}
		inv, args = invs[i], args[1:]
	}
	if len(args) == 0 {
		fmt.Fprintln(stderr, "chrono: no command, and no terminal for the browser: "+usage)
		return 2
	}
	if !slices.Contains(ExecCommands, args[0]) {
		fmt.Fprintf(stderr, "chrono: %q is not run over SSH: no shell, no program; %s\n", args[0], usage)
		s.logf("%s refused exec %q", user, sess.RawCommand())
		return 2
	}
	// Said as it starts, for a command that never ends to be in the log
	// too; and its end when it failed, "ran" reading as done.
	s.logf("%s ran %s on %s", user, quotedArgs(args), inv.Name)
	code := s.cfg.Exec(inv, args, sess, stderr)
	if code != 0 {
		s.logf("%s's %s on %s ended with exit %d", user, quotedArgs(args[:1]), inv.Name, code)
	}
	return code
}

// browse runs the browser for the session until it quits or a limit
// ends it.
func (s *Server) browse(sess ssh.Session, x *session, invs []Investigation, roles []tui.Role) int {
	_, windows, _ := sess.Pty()
	l := s.cfg.Limits
	m := &sessionModel{invs: invs, roles: roles, open: func(i int) (*tui.Session, error) {
		return s.open(x, invs[i], roles[i])
	}}
	keys := s.personal(s.keys, x.user, func() *bucket { return newBucket(max(l.KeysPerSecond, 1), time.Second) })
	var lastKey time.Time
	var keyMu sync.Mutex
	slowed := false
	clock := &keyClock{times: &s.answers}
	out := &serialWriter{w: clock.output(sess)}
	// The session's display draws the frames (display.go); Bubble Tea's
	// renderer is off, and its ticker writes only the program's own
	// sequences (the clipboard, queries to the terminal).
	pty, _, _ := sess.Pty()
	var frames io.Writer = out
	if colorsOf(sess) == 0 && profileOf(sess) < colorprofile.ANSI {
		// A terminal of no colours still has bold and reverse, which
		// show the selection.
		frames = &colorprofile.Writer{Forward: out, Profile: colorprofile.ASCII}
	}
	width, height := sized(pty.Window.Width, pty.Window.Height)
	m.display = newDisplay(frames, height)
	opts := append(bm.MakeOptions(sess), tea.WithInput(clock.input(sess)), tea.WithOutput(out), tea.WithoutRenderer(), tea.WithoutSignalHandler(),
		tea.WithWindowSize(width, height))
	if x.colors = colorsOf(sess); x.colors != 0 {
		opts = append(opts, tea.WithColorProfile(colorprofile.TrueColor))
	}
	opts = append(opts, tea.WithFilter(func(_ tea.Model, msg tea.Msg) tea.Msg {
		if _, ok := msg.(tea.KeyPressMsg); !ok {
			return msg
		}
		now := time.Now()
		keyMu.Lock()
		lastKey = now
		keyMu.Unlock()
		if l.KeysPerSecond > 0 && !keys.allow(now) {
			if slowed {
				return nil
			}
			slowed = true
			return tui.Notice(fmt.Sprintf("more than %d keys a second: keys are being dropped; slow down", l.KeysPerSecond), true)
		}
		slowed = false
		return msg
	}))
	p := tea.NewProgram(m, opts...)
	m.program = p
	begun := time.Now()
	keyMu.Lock()
	lastKey = begun
	keyMu.Unlock()
	why := make(chan ending, 1)
	stop := make(chan struct{})
	go func() {
		// Apart from the limits' loop: Send waits for a program that is
		// stuck writing to a stalled client. Who else is where is told
		// at most every presenceEvery, worked out as it is told: news
		// that came meanwhile waits in its channel. Told at once,
		// fifty people browsing one stretch of the timeline redrew each
		// other's screens seven times a key.
		var presence <-chan struct{} = x.presence
		var resume <-chan time.Time
		for {
			select {
			case <-stop:
				return
			case v := <-x.changes:
				p.Send(tui.Changed(v))
			case <-presence:
				s.mu.Lock()
				msg, news := s.presenceFor(x)
				s.mu.Unlock()
				if news {
					p.Send(msg)
					presence, resume = nil, time.After(presenceEvery)
				}
			case <-resume:
				presence, resume = x.presence, nil
			}
		}
	}()
	go func() {
		tick := time.NewTicker(pollEvery)
		defer tick.Stop()
		// Each limit is said before it ends the session, which takes
		// with it what a form holds: once for the session's length, and
		// for being idle once per stretch without a key.
		var idleWarned, lengthWarned bool
		warn := func(text string) {
			go p.Send(tui.Notice(text, true)) // never held up by a stalled client
		}
		for {
			var reason ending
			select {
			case <-stop:
				return
			case w, ok := <-windows:
				if ok {
					width, height := sized(w.Width, w.Height)
					p.Send(tea.WindowSizeMsg{Width: width, Height: height})
				}
				continue
			case reason = <-x.ended:
			case <-sess.Context().Done():
				p.Quit()
				return
			case now := <-tick.C:
				keyMu.Lock()
				idle := now.Sub(lastKey)
				keyMu.Unlock()
				switch {
				case l.Idle > 0 && idle >= l.Idle:
					reason = endingAlike(fmt.Sprintf("no key was pressed for %s, the most the server allows", l.Idle))
				case l.MaxSession > 0 && now.Sub(begun) >= l.MaxSession:
					long := fmt.Sprintf("the session lasted %s, the longest the server allows", l.MaxSession)
					reason = ending{told: long + "; connect again", logged: long}
				default:
					if l.Idle > 0 && idle >= l.Idle-warnAhead(l.Idle) {
						if !idleWarned {
							idleWarned = true
							warn(fmt.Sprintf("no key for %s: the session ends in %s unless a key is pressed; what a form holds goes with it", idle.Round(time.Second), (l.Idle - idle).Round(time.Second)))
						}
					} else {
						idleWarned = false
					}
					if left := l.MaxSession - now.Sub(begun); l.MaxSession > 0 && !lengthWarned && left <= warnAhead(l.MaxSession) {
						lengthWarned = true
						warn(fmt.Sprintf("the session ends in %s, the longest the server allows: save what a form holds", left.Round(time.Second)))
					}
					continue
				}
			}
			why <- reason
			p.Quit()
			// A client that stops reading cannot hold the session: its
			// connection is closed if the program cannot end.
			time.AfterFunc(5*time.Second, func() { sess.Close() })
			return
		}
	}()
	_, runErr := p.Run()
	close(stop)
	m.display.close(2 * time.Second)
	s.mu.Lock()
	name := x.inv
	x.inv = ""
	s.tellPresence()
	s.mu.Unlock()
	p.Kill()
	code := 0
	if err := m.finish(); err != nil {
		fmt.Fprintf(sess.Stderr(), "chrono: %s\r\n", err)
		code = 1
	}
	lost := m.typedAway()
	drafted, derr := m.leaveDraft()
	if derr != nil {
		s.logf("%s: a draft of %s could not be kept: %v", x.user, name, derr)
	}
	if runErr != nil && !errors.Is(runErr, tea.ErrProgramKilled) {
		s.logf("%s: %v", x.user, runErr)
	}
	select {
	case reason := <-why:
		switch {
		case lost != "" && drafted:
			reason.told += "; chrono keeps " + lost + " (not saved yet), and gives it back when you next open " + name
			reason.logged += "; kept as a draft: " + lost + " (not saved yet)"
		case lost != "":
			reason.told += "; " + lost + " (not saved yet) went with it"
			reason.logged += "; " + lost + " (not saved yet) went with it"
		}
		fmt.Fprintf(sess.Stderr(), "chrono: session ended: %s\r\n", termtext.Line(reason.told))
		s.logf("%s's session ended: %s", x.user, reason.logged)
		code = 1
	default:
		// Left by the person (q), or the connection gone: the log says
		// when each session ends, as it says when it opens.
		closed := fmt.Sprintf("%s closed %s after %s", x.user, name, time.Since(begun).Round(time.Second))
		switch {
		case lost != "" && drafted:
			closed += "; kept as a draft: " + lost + " (not saved yet)"
		case lost != "":
			closed += "; " + lost + " (not saved yet) went with it"
		}
		s.logf("%s", closed)
	}
	return code
}

// open opens inv's store for the session's browser.
func (s *Server) open(x *session, inv Investigation, role tui.Role) (*tui.Session, error) {
	// The picker may have been open a while: the role is the users
	// file's now, not the one it offered.
	if _, now, ok := s.currentUsers().Role(x.key, inv.Name); !ok || now != role {
		s.logf("%s refused %s: the role offered changed", x.user, inv.Name)
		return nil, fmt.Errorf("your access to %s changed since you connected: connect again", inv.Name)
	}
	st, err := s.cfg.Open(inv, x.user)
	if err != nil {
		return nil, err
	}
	l := s.cfg.Limits
	writes := s.personal(s.writes, x.user, func() *bucket { return newBucket(max(l.WritesPerMinute, 1), time.Minute) })
	if l.WritesPerMinute <= 0 {
		writes = newBucket(1<<30, time.Nanosecond)
	}
	s.mu.Lock()
	x.inv = inv.Name
	x.told = presenceTold{} // a new browser, told nothing yet
	s.tellPresence()        // someone came
	s.mu.Unlock()
	s.logf("%s opened %s (%s)", x.user, inv.Name, role)
	opts := s.cfg.Browser
	opts.Role = role
	opts.Warning = inv.Warning
	opts.ReadOnly = inv.ReadOnly
	opts.Colors = x.colors
	opts.Location = "investigation " + inv.Name // not the server's path
	if s.cfg.Drafts != nil {
		opts.Drafts = s.cfg.Drafts(x.user, inv)
	}
	opts.Selected = func(id string) {
		s.mu.Lock()
		from := x.selected
		x.selected = id
		s.tellMoved(x, from)
		s.mu.Unlock()
	}
	return tui.NewSession(limitedStore{Store: st, role: role, writes: writes, limit: l.WritesPerMinute}, opts), nil
}

// fileStamp tells a changed file from the one read.
type fileStamp struct {
	mod  time.Time
	size int64
}

// same reports whether two stamps are of the same file as it was.
func (a fileStamp) same(b fileStamp) bool { return a.mod.Equal(b.mod) && a.size == b.size }

func (s *Server) readUsers() (Users, fileStamp, error) {
	fi, err := os.Stat(s.cfg.UsersFile)
	if err != nil {
		// Not the zero stamp, which a file never read also has: a file
		// taken away is said once, as a file with a mistake is.
		return nil, fileStamp{size: -1}, fmt.Errorf("users file: %w", err)
	}
	data, err := os.ReadFile(s.cfg.UsersFile)
	if err != nil {
		return nil, fileStamp{}, fmt.Errorf("users file: %w", err)
	}
	users, err := ParseUsers(s.cfg.UsersFile, data, s.names())
	return users, fileStamp{fi.ModTime(), fi.Size()}, err
}

// watch reads the users file again when it changes, and ends the
// sessions of keys it no longer lists (or whose role changed).
func (s *Server) watch() {
	tick := time.NewTicker(pollEvery)
	defer tick.Stop()
	for {
		select {
		case <-s.done:
			return
		case <-tick.C:
		}
		fi, err := os.Stat(s.cfg.UsersFile)
		s.mu.Lock()
		same := err == nil && fi.ModTime().Equal(s.stamp.mod) && fi.Size() == s.stamp.size
		s.mu.Unlock()
		if same {
			continue
		}
		users, stamp, err := s.readUsers()
		if err != nil {
			// A file half written, or with a mistake: the list as it was
			// stays, and the log says why; but a key no longer in the
			// file at all was taken out, and a revocation must not wait
			// for a mistake on another line to be mended.
			// Only once the file has stopped changing: a file half
			// written lacks its last lines for a moment.
			s.mu.Lock()
			settled := stamp.same(s.faulty)
			s.faulty = stamp
			if !settled {
				s.mu.Unlock()
				s.logf("%v; keeping the users as they were", err)
				continue // read again at the next tick
			}
			s.stamp = stamp
			data, rerr := os.ReadFile(s.cfg.UsersFile)
			if errors.Is(rerr, fs.ErrNotExist) {
				// A file taken away lists no one: every key is revoked,
				// as by a file emptied.
				data, rerr = nil, nil
			}
			var removed []string
			if rerr == nil {
				var kept Users
				if kept, removed = s.users.withoutRemoved(data); len(removed) > 0 {
					s.applyUsers(kept)
				}
			}
			s.mu.Unlock()
			if len(removed) > 0 {
				s.logf("all the same, removed the keys no longer in the file: %s", strings.Join(removed, ", "))
			}
			continue
		}
		s.mu.Lock()
		if stamp.size == 0 && len(s.users) > 0 && !stamp.same(s.faulty) {
			// An editor that writes the file in place empties it first:
			// every key is revoked only once the file stays empty.
			s.faulty = stamp
			s.mu.Unlock()
			s.logf("users file is empty; every key is revoked if it stays so")
			continue
		}
		s.stamp = stamp
		s.applyUsers(users)
		s.mu.Unlock()
		s.logf("users file read again: %d keys", len(users))
	}
}

// applyUsers makes users the server's list, and ends the sessions of the
// keys it no longer lists, or whose role changed. s.mu is held.
func (s *Server) applyUsers(users Users) {
	old := s.users
	s.users = users
	for x := range s.sessions {
		_, gone := users.Known(x.key)
		gone = !gone
		changed, renamed := false, false
		if name, _ := users.Known(x.key); !gone && x.inv == "" {
			renamed = name != x.user
			// On the picker: what it offers must still be so.
			for inv, was := range x.offered {
				_, r, ok := users.Role(x.key, inv)
				changed = changed || !ok || r != was
			}
		}
		if x.inv != "" {
			_, was, _ := old.Role(x.key, x.inv)
			name, r, ok := users.Role(x.key, x.inv)
			changed = !ok || r != was
			renamed = ok && name != x.user
		}
		switch {
		case gone:
			x.end(ending{told: "your key was removed from the server's users", logged: "their key was removed from the users file"})
		case changed:
			x.end(ending{told: "your role changed; connect again", logged: "their role changed"})
		case renamed:
			// Changes are signed with the session's name: one the users
			// file no longer gives this key would sign someone else's.
			x.end(ending{told: "your name in the server's users changed; connect again", logged: "their key's name in the users file changed"})
		}
	}
}

// sized is a client's terminal size, or 80×24 when the client says none
// (0×0, as some clients and scripts do): a browser laid out in no cells
// is blank, and chrono run locally takes 80×24 in that case too.
func sized(width, height int) (int, int) {
	if width <= 0 || height <= 0 {
		return 80, 24
	}
	return width, height
}

// warnAhead is how long before a limit ends a session it is said: a
// minute, or half a limit of less than two minutes.
func warnAhead(limit time.Duration) time.Duration { return min(time.Minute, limit/2) }
