package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
	"time"
	"unicode"

	"github.com/spf13/cobra"

	"chrono/model"
	"chrono/model/formats"
	"chrono/model/termtext"
	"chrono/store"
	"chrono/tui"
	"chrono/tui/sshd"
)

// serveOptions is what chrono serve was asked for.
type serveOptions struct {
	*cli
	listen, hostKey, users string
	dbs                    []string
	unit                   bool
	limits                 sshd.Limits
	quickTags              []string
}

// newServeCmd is chrono serve: the browser over SSH, for a team.
func newServeCmd(c *cli) *cobra.Command {
	opts := &serveOptions{cli: c, limits: sshd.DefaultLimits()}
	cmd := &cobra.Command{
		Use:   "serve --users FILE --db PATH [--db PATH...] [--listen ADDR] [--host-key FILE]",
		Short: "Serve the browser over SSH to the people a users file lists",
		Long: `Serve lets a team browse and annotate investigations with nothing to
install: ssh -p 2222 HOST opens the same browser as chrono, at their
terminal, as the person whose key they connect with; every change they
make is attributed to them in the journal.

--users FILE lists the people, one key a line: NAME ROLE KEY, KEY as in
authorized_keys (ssh-ed25519 AAAA… comment). ROLE is read (browse, search,
copy), annotate (and tags and notes), edit (and events, quotes, links,
sources, the trash) or admin (and emptying the trash); ROLE:NAME gives the
role in the investigation NAME only. # starts a comment. The file is read
again when it changes: a removed key's sessions end within seconds.

--db names a store file; give it more than once, or a directory of .db
files, to serve several investigations, each by its file's name: people
pick one on connecting. An investigation kept in PostgreSQL is not served:
people reach it with chrono --db and its address from their own machines.
Only public keys are accepted (no passwords); no shell and no program runs
for a client, no port or agent forwarding, no SFTP. A client may run
list, show and export: ssh -p 2222 HOST -- list --tag verify (with several
investigations, name one first: -- NAME list).

The host key is made on the first start (ed25519, mode 0600) and kept;
its fingerprint is printed, for people to check on their first connection.
--systemd-unit prints a unit file for running it as a service.`,
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error { return runServe(opts) },
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.listen, "listen", ":2222", "the address to listen on")
	fl.StringVar(&opts.hostKey, "host-key", "", "the server's private key, made when missing (default $XDG_DATA_HOME/chrono/host_ed25519)")
	fl.StringVar(&opts.users, "users", "", "the people who may connect, one NAME ROLE KEY a line")
	fl.StringArrayVar(&opts.dbs, "db", nil, "a store to serve, or a directory of them (repeat for several)")
	fl.BoolVar(&opts.unit, "systemd-unit", false, "print a systemd unit file for chrono serve, and exit")
	fl.DurationVar(&opts.limits.Idle, "idle-timeout", opts.limits.Idle, "end a browser no key was pressed in for this long (0: never)")
	fl.DurationVar(&opts.limits.MaxSession, "max-session", opts.limits.MaxSession, "end any session this long after it began (0: never)")
	fl.IntVar(&opts.limits.Total, "max-sessions", opts.limits.Total, "sessions open at once, everyone's together")
	fl.IntVar(&opts.limits.PerKey, "max-per-key", opts.limits.PerKey, "sessions one key may have open at once")
	fl.StringSliceVar(&opts.quickTags, "quick-tags", tui.DefaultQuickTags, "the tags digits 1-9 toggle in the browser, in order")
	return cmd
}

// runServe serves until SIGINT or SIGTERM, then lets the sessions make
// their last changes.
func runServe(opts *serveOptions) error {
	if opts.unit {
		_, err := io.WriteString(opts.stdout, systemdUnit)
		return err
	}
	if opts.users == "" {
		return usagef("--users FILE: who may connect (NAME ROLE KEY a line); see chrono serve --help")
	}
	if len(opts.dbs) == 0 {
		return usagef("--db PATH: the store to serve (or a directory of stores)")
	}
	quick, err := tui.QuickTags(opts.quickTags)
	if err != nil {
		return usagef("--quick-tags: %v", err)
	}
	collectForServing()
	invs, err := serveInvestigations(opts.dbs)
	if err != nil {
		return err
	}
	stores := map[string]model.Store{}
	opts.serving = true
	for i, inv := range invs {
		s, readOnly, err := opts.serveStore(inv.Path)
		if err != nil {
			return err
		}
		defer s.Close()
		stores[inv.Name] = s
		if readOnly != nil {
			// Said to each person who opens it, as a local browser says
			// it, but without the server's path or what only its admin
			// can do.
			fmt.Fprintf(opts.stderr, "warning: investigation %s: %v; served for reading only\n", inv.Name, readOnly)
			invs[i].ReadOnly = "investigation " + inv.Name + " is read-only on the server (its file cannot be written): nothing can be changed in it; ask the server's admin"
		}
		// Said once here, and to each person who opens it.
		invs[i].Warning = joinWarnings(opts.rollbackWarning(s), opts.checkSeen(s, inv.Path, "", false))
		if invs[i].Warning != "" {
			fmt.Fprintf(opts.stderr, "warning: %s\n", invs[i].Warning)
		}
	}
	keyPath := opts.hostKey
	if keyPath == "" {
		db, _, err := (&cli{}).storePath()
		if err != nil {
			return err
		}
		keyPath = filepath.Join(filepath.Dir(db), "host_ed25519")
	}
	signer, created, err := sshd.HostKey(keyPath)
	if err != nil {
		return err
	}
	srv, err := sshd.New(sshd.Config{
		HostKey:        signer,
		UsersFile:      opts.users,
		Investigations: invs,
		Open: func(inv sshd.Investigation, author string) (model.Store, error) {
			as, ok := stores[inv.Name].(interface{ As(string) model.Store })
			if !ok {
				return nil, fmt.Errorf("investigation %s: its store cannot attribute changes to each person", inv.Name)
			}
			return as.As(author), nil
		},
		Exec:    serveExec,
		Browser: tui.Options{QuickTags: quick, Commands: opts.keptCommands},
		Limits:  opts.limits,
		Log:     opts.stderr,
		Drafts: func(user string, inv sshd.Investigation) tui.Drafts {
			// Apart from the drafts of a browser run on this machine.
			return draftsFor(inv.Path, "", "ssh "+user)
		},
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", opts.listen)
	if err != nil {
		return fmt.Errorf("--listen %s: %w", opts.listen, err)
	}
	made := ""
	if created {
		made = ", made now"
	}
	fmt.Fprintf(opts.stdout, "chrono serve: listening on %s\nhost key %s%s: %s\n", ln.Addr(), keyPath, made, sshd.Fingerprint(signer.PublicKey()))
	for _, inv := range invs {
		fmt.Fprintf(opts.stdout, "investigation %s: %s\n", inv.Name, inv.Path)
	}
	fmt.Fprintf(opts.stdout, "users: %s (read again when it changes)\n", opts.users)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(opts.stderr, "chrono serve: stopping; sessions save their last changes")
	wait, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(wait); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	srv.Close()
	return nil
}

// serveStore opens the store at path for the server: once for writing,
// which brings it to the current schema and says whether it can be
// written, then shared, opened for each burst of work, so that a stalled
// session never holds it and local chrono commands use it meanwhile.
// readOnly, when set, says why it cannot be written.
func (o *serveOptions) serveStore(path string) (s model.Store, readOnly, err error) {
	s, err = store.Open(path, store.Options{NoCreate: true})
	if errors.Is(err, model.ErrReadOnly) {
		readOnly = err
		s, err = store.Open(path, store.Options{NoCreate: true, ReadOnly: true})
	}
	if err != nil {
		return nil, nil, fmt.Errorf("--db %s: %w", path, err)
	}
	if err := s.Close(); err != nil {
		return nil, nil, err
	}
	s, err = store.Open(path, store.Options{Shared: true, ReadOnly: readOnly != nil, AcceptRollback: o.acceptRollback})
	return s, readOnly, err
}

// serveInvestigations are the stores --db names, each named by its file:
// a directory gives each .db file in it.
func serveInvestigations(paths []string) ([]sshd.Investigation, error) {
	var invs []sshd.Investigation
	seen := map[string]string{}
	add := func(path string) error {
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		switch {
		case slices.Contains(sshd.ExecCommands, name):
			// ssh HOST -- list would mean either.
			return fmt.Errorf("--db %s: an investigation named %s reads as chrono's command %s over SSH; rename the file", path, name, name)
		case name == "":
			return fmt.Errorf("--db %s: an investigation is named by its file, and this one's name is empty; rename the file (case.db)", path)
		case strings.ContainsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(`'"\`, r) }):
			// The users file and ssh's command line part words at spaces,
			// and the command line reads quotes and backslashes as a shell.
			return fmt.Errorf("--db %s: an investigation's name, its file's, may not hold spaces, quotes or backslashes, which the users file and ssh's command line read otherwise; rename the file (%s.db)", path, strings.Join(strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(`'"\`, r) }), "-"))
		}
		if other, ok := seen[name]; ok {
			if sameFile(other, path) {
				return nil // one store named twice (a file and its directory): served once
			}
			return fmt.Errorf("--db: two investigations named %s (%s and %s); rename one", name, other, path)
		}
		seen[name] = path
		invs = append(invs, sshd.Investigation{Name: name, Path: path})
		return nil
	}
	for _, p := range paths {
		if err := notConnInfo("--db", p); err != nil {
			return nil, err
		}
		if store.IsAddress(p) {
			// Sessions write as their person (As), which only a file's
			// store does; and the address may hold a password.
			return nil, usagef("--db %s: chrono serve serves store files, not a PostgreSQL database; people reach an investigation kept there with chrono --db and the address, from their own machines", store.SafeLocation(p))
		}
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("--db %s: %w", p, err)
		}
		if !fi.IsDir() {
			if err := add(p); err != nil {
				return nil, err
			}
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return nil, fmt.Errorf("--db %s: %w", p, err)
		}
		var names []string
		for _, e := range entries {
			if e.Type().IsRegular() && filepath.Ext(e.Name()) == ".db" {
				names = append(names, e.Name())
			}
		}
		if len(names) == 0 {
			return nil, fmt.Errorf("--db %s: no .db store in the directory", p)
		}
		sort.Strings(names)
		for _, n := range names {
			if err := add(filepath.Join(p, n)); err != nil {
				return nil, err
			}
		}
	}
	return invs, nil
}

// serveExec runs a read-only command for a client, on inv, writing to
// the session: chrono's own list, show and export, with no --db (the
// investigation is the server's to choose) and no -o (no file of the
// client's choosing is written on the server). Its output is spooled.
func serveExec(inv sshd.Investigation, args []string, stdout, stderr io.Writer) int {
	return spooled(stdout, stderr, func(stdout io.Writer) int { return runServed(inv, args, stdout, stderr) })
}

// runServed runs one of the commands a client may run over SSH.
func runServed(inv sshd.Investigation, args []string, stdout, stderr io.Writer) int {
	c := &cli{stdin: strings.NewReader(""), stdout: stdout, stderr: stderr, db: inv.Path, dbGiven: true, runAs: "ssh HOST -- " + termtext.Line(inv.Name)}
	root := &cobra.Command{Use: "chrono", SilenceErrors: true, SilenceUsage: true}
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetFlagErrorFunc(flagError) // as chrono says it locally
	export := newExportCmd(c)
	// Its help offers what it does here: no file on the server, no
	// evidence directory.
	for _, name := range []string{"output", "force"} {
		_ = export.Flags().MarkHidden(name)
	}
	export.Flags().Lookup("format").Usage = "the format to write: " + formats.Names(false)
	export.Use = "export [--format " + strings.ReplaceAll(formats.Names(false), ", ", "|") + "] [--tag T] [--status S] [--notes] [--with-snapshots]"
	export.Long = `Export writes the investigation (title, sources, events with their tags
and notes), or the events with a tag or status, in one of the formats
chrono speaks, to ssh's output: redirect it to keep a file
(ssh HOST -- ` + termtext.Line(inv.Name) + ` export > case.json). chrono JSON imports back
to the same content; every other format says what it could not carry.
Markdown is a draft for a story: it names linked events by their titles
and leaves the investigator's private notes out unless --notes is given.
A CSV stops before the first control character from the investigation's
text, which a terminal would act on.`
	exportRun := export.RunE
	export.RunE = func(cmd *cobra.Command, args []string) error {
		if cmd.Flags().Changed("output") || cmd.Flags().Changed("force") {
			return usagef("-o: over SSH, export writes to your terminal and no file on the server; redirect ssh's output instead")
		}
		name, _ := cmd.Flags().GetString("format")
		if name == "evidence" {
			// Its own message would ask for -o DIR, which is refused here.
			return usagef("--format evidence writes a directory, and over SSH export writes only to your terminal: choose another format (json --with-snapshots carries the snapshots), or ask for the directory to be exported on the server")
		}
		// Over SSH it cannot tell where the output goes: the client's
		// terminal, often. Each format goes as it would to a terminal.
		var out interface {
			io.Writer
			Close() error
		}
		switch f, ok := formats.Lookup(name); {
		case !ok || f.Write == nil:
			// Its own message offers the evidence directory too.
			return usagef("--format %q: over SSH, chrono exports %s", name, formats.Names(false))
		case f.Shown == formats.ShownNever:
			out = &noControls{w: stdout} // servecontrols.go
		case f.Shown == formats.ShownEscaped:
			// JSON escapes C0 controls itself, and not C1's.
			out = termtext.NewJSONWriter(stdout)
		}
		if out == nil {
			return exportRun(cmd, args)
		}
		c.stdout = out
		err := exportRun(cmd, args)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		return err
	}
	show := newShowCmd(c)
	show.Args = exactArgs(1, "the ID of an event (ssh HOST -- "+termtext.Line(inv.Name)+" list lists them)")
	showRun := show.RunE
	show.RunE = func(cmd *cobra.Command, args []string) error {
		return remoteAdvice(inv.Name, showRun(cmd, args))
	}
	root.AddCommand(newListCmd(c), show, export)
	return execute(c, root, args)
}

// remoteAdvice rewrites the advice on an event id the investigation
// lacks for a person connected by SSH, who runs list, show and export
// and no other chrono command: the ids are listed by ssh, and an event in
// the trash is restored from the browser, by a role that may.
func remoteAdvice(name string, err error) error {
	var a *advised
	var m *model.Missing
	if !errors.As(err, &a) || !errors.As(err, &m) || m.Kind != model.MissingEvent {
		return err
	}
	switch {
	case strings.HasPrefix(a.advice, "; it is in the trash"):
		return &advised{err: a.err, advice: "; it is in the trash (D in the browser shows it)"}
	case strings.HasPrefix(a.advice, "; did you mean"):
		return err
	}
	return &advised{err: a.err, advice: "; ssh HOST -- " + termtext.Line(name) + " list shows the ids"}
}

// systemdUnit is what chrono serve --systemd-unit prints: a service for
// a user of its own, with the stores and the host key on the server's
// disk, restarted when it stops.
const systemdUnit = `# /etc/systemd/system/chrono-serve.service
# Run: useradd --system --home /var/lib/chrono chrono; install the binary
# where ExecStart names it (install -m 755 chrono /usr/local/bin/chrono:
# go install puts it in a home directory, which this service cannot
# read); put the stores in /var/lib/chrono/stores, owned by chrono
# (chown -R chrono: /var/lib/chrono), and the users file at
# /etc/chrono/users; then systemctl enable --now chrono-serve. Back up
# with chrono backup (a timer or cron job as the chrono user), which
# reads while people work.
[Unit]
Description=chrono serve: investigations over SSH
After=network-online.target
Wants=network-online.target

[Service]
User=chrono
Group=chrono
ExecStart=/usr/local/bin/chrono serve --listen :2222 --users /etc/chrono/users --db /var/lib/chrono/stores --host-key /var/lib/chrono/host_ed25519
Restart=on-failure
# SIGTERM lets sessions save their last changes first.
KillSignal=SIGTERM
TimeoutStopSec=20
NoNewPrivileges=yes
ProtectSystem=strict
ProtectHome=yes
PrivateTmp=yes
ReadWritePaths=/var/lib/chrono
StateDirectory=chrono

[Install]
WantedBy=multi-user.target
`

// sameFile reports whether two paths name one file.
func sameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}
