// Command chrono is a terminal timeline browser for investigations.
//
// It keeps a chronology (events with uncertain dates, the claims' standing,
// verbatim quotes traced to their sources) in a bbolt store, and lets you
// browse it in the terminal, and import, list, show, tag and export it
// from the command line.
package main

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	"chrono/model"
	"chrono/model/formats"
	"chrono/model/listing"
	"chrono/model/native"
	"chrono/model/synth"
	"chrono/model/termtext"
	"chrono/store"
	"chrono/tui"
	"chrono/tui/progress"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
)

// example is the investigation an empty store is seeded with.
//
//go:embed timeline.example.json
var example []byte

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// usageError marks a mistake in how chrono was called (exit 2).
type usageError struct{ error }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// run is chrono with its arguments and streams; it returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "chrono: internal error: %s\nPlease report it, with the command that caused it.\n",
				termtext.Text(fmt.Sprint(r)))
			if os.Getenv("CHRONO_DEBUG") != "" {
				stderr.Write(debug.Stack())
			}
			code = exitFailure
		}
	}()
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr}
	if f, ok := stderr.(*os.File); ok {
		c.progressTo = f // tests' buffers get no progress lines
	}
	root := c.commands()
	if args == nil {
		args = []string{} // cobra reads os.Args when given nil
	}
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(stderr, "chrono: %s\n", termtext.Text(err.Error()))
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintln(stderr, "Run 'chrono --help' for usage.")
		return exitUsage
	}
	return exitFailure
}

// cli holds what every command needs.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	db             string
	quickTags      []string
	// progressTo is where long work reports its progress (stderr); nil
	// keeps quiet.
	progressTo io.Writer
}

func (c *cli) commands() *cobra.Command {
	root := &cobra.Command{
		Use:   "chrono",
		Short: "A terminal timeline browser for investigations",
		Long: `chrono keeps an investigation's chronology (events with uncertain dates,
the standing of each claim, verbatim quotes traced to their sources) and
lets you browse, tag, import and export it.

Run with no command to browse the investigation in the terminal (or, when
the output is not a terminal, to print it); an empty store is first seeded
with the example investigation.`,
		Args:          noArgs,
		SilenceErrors: true,
		SilenceUsage:  true,
		RunE:          c.open,
	}
	root.PersistentFlags().StringVar(&c.db, "db", "", "the store file (default $CHRONO_DB, else $XDG_DATA_HOME/chrono/chrono.db)")
	root.Flags().StringSliceVar(&c.quickTags, "quick-tags", tui.DefaultQuickTags, "the tags digits 1-9 toggle in the browser, in order")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(c.importCommand(), c.exportCommand(), c.listCommand(), c.showCommand(), c.tagCommand(true), c.tagCommand(false), c.backupCommand(), c.synthCommand())
	root.CompletionOptions.DisableDefaultCmd = true
	return root
}

func noArgs(cmd *cobra.Command, args []string) error {
	switch {
	case len(args) == 0:
		return nil
	case cmd.HasParent():
		return usagef("%s takes no arguments, got %q", cmd.Name(), strings.Join(args, " "))
	}
	return usagef("unknown command %q", args[0])
}

// events counts events in words: "1 event", "13 events".
func events(n int) string {
	if n == 1 {
		return "1 event"
	}
	return fmt.Sprintf("%d events", n)
}

func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef("%s needs %s", cmd.Name(), what)
		}
		return nil
	}
}

func minArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return usagef("%s needs %s", cmd.Name(), what)
		}
		return nil
	}
}

// dbPath is the store to use: --db, else $CHRONO_DB, else the XDG data
// directory.
func (c *cli) dbPath() (string, error) {
	if c.db != "" {
		return c.db, nil
	}
	if p := os.Getenv("CHRONO_DB"); p != "" {
		return p, nil
	}
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("no store given and no home directory to keep one in: use --db PATH (%v)", err)
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "chrono", "chrono.db"), nil
}

func (c *cli) openStore(readOnly bool) (model.Store, error) {
	path, err := c.dbPath()
	if err != nil {
		return nil, err
	}
	s, err := store.Open(path, store.Options{ReadOnly: readOnly})
	if errors.Is(err, model.ErrNoStore) {
		return nil, fmt.Errorf("%w; run chrono to start with the example investigation, or chrono import FILE", err)
	}
	return s, err
}

// open is chrono with no command: the investigation, seeded when empty.
func (c *cli) open(cmd *cobra.Command, _ []string) error {
	s, err := c.openStore(false)
	if err != nil {
		return err
	}
	defer func() {
		if s != nil {
			s.Close()
		}
	}()
	var greeting string
	if n, err := s.Count(model.Query{}); err != nil {
		return err
	} else if n == 0 {
		res, err := s.Import([]model.Input{nativeInput("timeline.example.json", bytes.NewReader(example))}, model.ImportOptions{})
		if err != nil {
			return fmt.Errorf("seeding the empty store: %w", err)
		}
		greeting = fmt.Sprintf("seeded the empty store %s with the example investigation (%s)", s.Location(), events(res[0].Events))
		fmt.Fprintln(c.stderr, greeting)
	}
	if !c.interactive() {
		// In a pipe or a script the investigation is printed instead.
		return c.printList(s, model.Query{})
	}
	// The browser opens the store for each thing it does, so that other
	// chrono commands can use it meanwhile.
	path := s.Location()
	err, s = s.Close(), nil
	if err != nil {
		return err
	}
	shared, err := store.Open(path, store.Options{Shared: true})
	if err != nil {
		return err
	}
	defer shared.Close()
	return tui.Run(shared, tui.Options{QuickTags: c.quickTags, Greeting: termtext.Line(greeting)})
}

// interactive reports whether chrono talks to a person at a terminal.
func (c *cli) interactive() bool {
	in, ok1 := c.stdin.(*os.File)
	out, ok2 := c.stdout.(*os.File)
	return ok1 && ok2 && term.IsTerminal(in.Fd()) && term.IsTerminal(out.Fd())
}

func (c *cli) importCommand() *cobra.Command {
	var dryRun bool
	var format string
	cmd := &cobra.Command{
		Use:   "import [--format auto|json|timelinejs|timesketch|csv] [--dry-run] FILE...",
		Short: "Add the events of files to the store (- reads stdin)",
		Long: `Import reads chrono JSON, TimelineJS JSON, Timesketch JSONL or CSV, or
chrono CSV, and adds their events and sources to the store. With --format
auto (the default) the format is recognised from each file's content, and
said. An event whose id is already stored is updated; the tags and notes
on it are kept. The import is all or nothing: if any file has a problem,
every problem is listed and the store is left as it was. Anything a format
could not carry over is reported.`,
		Args: minArgs(1, "at least one FILE (or - for stdin)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var fixed *formats.Format
			if format != "auto" {
				f, ok := formats.Lookup(format)
				if !ok || f.Read == nil {
					return usagef("--format %q: chrono reads auto, %s", format, formats.Names(true))
				}
				fixed = &f
			}
			s, err := c.openStore(false)
			if err != nil {
				return err
			}
			defer s.Close()
			var inputs []model.Input
			var detected []string      // what auto detection found, per input
			var losses []*model.Losses // what each input could not carry
			var read atomic.Int64      // bytes read of all inputs, for the meter
			var totalSize int64
			for _, name := range args {
				var r io.Reader = c.stdin
				if name == "-" {
					name = "stdin"
				} else {
					f, err := os.Open(name)
					if err != nil {
						return err
					}
					defer f.Close()
					r = f
				}
				size := sizeOf(r)
				totalSize += max(size, 0)
				r = &countingReader{r: r, n: &read}
				f, note := formats.Format{}, ""
				if fixed != nil {
					f = *fixed
				} else if f, r, err = formats.Detect(r); err != nil {
					return fmt.Errorf("%s: %w", termtext.Line(name), err)
				} else {
					note = "detected " + f.Title
				}
				lost := &model.Losses{}
				inputs = append(inputs, model.Input{Name: name, Size: size, Read: func(sink model.Sink) error {
					return f.Read(r, sink, lost)
				}})
				detected = append(detected, note)
				losses = append(losses, lost)
			}
			// A large import makes garbage fast: collecting it before the
			// heap doubles keeps the import's memory flat.
			defer debug.SetMemoryLimit(debug.SetMemoryLimit(importMemory))
			opts := model.ImportOptions{DryRun: dryRun}
			if c.progressTo != nil {
				meter := progress.New(c.progressTo, c.stderrIsTerminal())
				meter.Stage("reading", totalSize)
				stop := make(chan struct{})
				go func() { // the bytes read, as they go by
					t := time.NewTicker(100 * time.Millisecond)
					defer t.Stop()
					for {
						select {
						case <-stop:
							return
						case <-t.C:
							meter.Done(read.Load())
						}
					}
				}()
				building := false
				opts.Progress = func(p model.ImportProgress) {
					meter.Events(int64(p.Events))
					if p.Total > 0 {
						if !building {
							building = true
							meter.Stage("writing the store", p.Total)
						}
						meter.Done(p.Written)
					}
				}
				defer func() { close(stop); meter.Stop() }()
			}
			results, err := s.Import(inputs, opts)
			if err != nil {
				return fmt.Errorf("nothing imported, the store is unchanged:\n%w", err)
			}
			verb := "imported"
			if dryRun {
				verb = "would import"
			}
			for i, r := range results {
				line := fmt.Sprintf("%s %s (%d new, %d updated", verb, events(r.Events), r.New, r.Updated)
				if r.Unchanged > 0 {
					line += fmt.Sprintf(", %d unchanged", r.Unchanged)
				}
				line = fmt.Sprintf("%s) from %s", line, termtext.Line(inputs[i].Name))
				if n := joinNonEmpty("; ", detected[i], losses[i].String()); n != "" {
					line += " (" + termtext.Line(n) + ")"
				}
				fmt.Fprintln(c.stdout, line)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "check the files and report what would change, without changing the store")
	cmd.Flags().StringVar(&format, "format", "auto", "the files' format: auto (recognise it), "+formats.Names(true))
	return cmd
}

// importMemory is the heap an import aims to stay within; past it the
// garbage collector works harder rather than let memory grow.
const importMemory = 192 << 20

// sizeOf returns the size of a regular file, or -1 (a pipe, a terminal).
func sizeOf(r io.Reader) int64 {
	f, ok := r.(*os.File)
	if !ok {
		return -1
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return -1
	}
	return fi.Size()
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n.Add(int64(n))
	return n, err
}

// stdoutIsTerminal reports whether output goes to a person's screen.
func (c *cli) stdoutIsTerminal() bool {
	f, ok := c.stdout.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// stderrIsTerminal reports whether progress can be drawn in place.
func (c *cli) stderrIsTerminal() bool {
	f, ok := c.stderr.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// joinNonEmpty joins the parts that are not empty.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// nativeInput is a native JSON file to import.
func nativeInput(name string, r io.Reader) model.Input {
	return model.Input{Name: name, Read: func(sink model.Sink) error { return native.Read(r, sink) }}
}

func (c *cli) exportCommand() *cobra.Command {
	var format, output string
	var tags, statuses []string
	cmd := &cobra.Command{
		Use:   "export [--format json|timelinejs|timesketch|timesketch-csv|csv|markdown] [--tag T] [--status S] [-o FILE]",
		Short: "Write the investigation as chrono JSON, TimelineJS, Timesketch, CSV or Markdown",
		Long: `Export writes the investigation (title, sources, events with their tags
and notes), or the events with a tag or status, in one of the formats
chrono speaks. chrono JSON imports back to the same content; every other
format says what it could not carry. Timesketch is written as JSONL, or
as CSV with --format timesketch-csv or an output name ending in .csv.
Without -o it goes to stdout.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format == "timesketch" && strings.HasSuffix(strings.ToLower(output), ".csv") {
				format = "timesketch-csv"
			}
			f, ok := formats.Lookup(format)
			if !ok || f.Write == nil {
				return usagef("--format %q: chrono exports %s", format, formats.Names(false))
			}
			q, err := query(tags, statuses, nil, "")
			if err != nil {
				return err
			}
			s, err := c.openStore(true)
			if err != nil {
				return err
			}
			defer s.Close()
			h, err := s.Header()
			if err != nil {
				return err
			}
			sources, err := s.Sources()
			if err != nil {
				return err
			}
			var n int
			var lost model.Losses
			write := func(w io.Writer) (err error) {
				n, err = f.Write(w, h, sources, s.Events(q), &lost)
				return err
			}
			if (output == "" || output == "-") && c.stdoutIsTerminal() {
				// The investigation's text goes out as it came, control
				// characters and all: never raw to a terminal.
				switch f.Shown {
				case formats.ShownNever:
					return usagef("%s carries text exactly as it came, control characters and all, so chrono does not print it to a terminal: use -o FILE, or a pipe", f.Title)
				case formats.ShownEscaped:
					plain := write
					write = func(w io.Writer) error {
						jw := termtext.NewJSONWriter(w)
						if err := plain(jw); err != nil {
							return err
						}
						return jw.Close()
					}
				}
			}
			if err := writeOutput(output, c.stdout, write); err != nil {
				return err
			}
			dest := "stdout"
			if output != "" && output != "-" {
				dest = output
			}
			line := fmt.Sprintf("exported %s to %s", events(n), f.Name)
			if dest != "stdout" {
				line += " in " + termtext.Line(dest)
			}
			if !lost.Empty() {
				line += " (" + lost.String() + ")"
			}
			fmt.Fprintln(c.stderr, line)
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "json", "the format to write: "+formats.Names(false))
	cmd.Flags().StringArrayVar(&tags, "tag", nil, "only events with this tag")
	cmd.Flags().StringArrayVar(&statuses, "status", nil, "only events with this status (confirmed, reported, alleged, disputed, denied)")
	cmd.Flags().StringVarP(&output, "output", "o", "", "write to FILE instead of stdout")
	return cmd
}

// query builds the filter of list and export from their flags.
func query(tags, statuses, actors []string, during string) (model.Query, error) {
	q := model.Query{Tags: tags, Actors: actors}
	for _, st := range statuses {
		status, err := model.ParseStatus(st)
		if err != nil {
			return q, usagef("--status: %v", err)
		}
		q.Statuses = append(q.Statuses, status)
	}
	if during != "" {
		d, err := model.ParseDate(during)
		if err != nil {
			return q, usagef("--during: %v", err)
		}
		q.During = d
	}
	return q, nil
}

// writeOutput writes to stdout, or to a file that appears only when
// complete: a failed export never leaves half a file behind.
func writeOutput(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		return write(stdout)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func (c *cli) listCommand() *cobra.Command {
	var tags, statuses, actors []string
	var during string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list [--tag T] [--status S] [--actor A] [--during EDTF] [--json]",
		Short: "List events in timeline order",
		Long: `List prints one line per event, in timeline order: date, status, id, title
and tags. Repeating a flag widens it (--tag a --tag b lists events tagged a
or b); different flags narrow each other. --during lists events whose dates
overlap an EDTF date: --during 2017 finds an event of August 2017, and one
known only to lie between 2016 and 2018.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			q, err := query(tags, statuses, actors, during)
			if err != nil {
				return err
			}
			s, err := c.openStore(true)
			if err != nil {
				return err
			}
			defer s.Close()
			if asJSON {
				return c.printJSON(s, q)
			}
			return c.printList(s, q)
		},
	}
	cmd.Flags().StringArrayVar(&tags, "tag", nil, "only events with this tag")
	cmd.Flags().StringArrayVar(&statuses, "status", nil, "only events with this status (confirmed, reported, alleged, disputed, denied)")
	cmd.Flags().StringArrayVar(&actors, "actor", nil, "only events involving this actor")
	cmd.Flags().StringVar(&during, "during", "", "only events whose dates overlap this EDTF date")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one chrono JSON event object per line")
	return cmd
}

func (c *cli) printList(s model.Store, q model.Query) error {
	lines := listing.NewLines(c.stdout)
	for e, err := range s.Events(q) {
		if err != nil {
			return err
		}
		if err := lines.Write(&e); err != nil {
			return err
		}
	}
	return lines.Flush()
}

func (c *cli) printJSON(s model.Store, q model.Query) error {
	for e, err := range s.Events(q) {
		if err != nil {
			return err
		}
		b, err := native.MarshalEvent(e)
		if err != nil {
			return err
		}
		if _, err := c.stdout.Write(append(termtext.EscapeJSON(b), '\n')); err != nil {
			return err
		}
	}
	return nil
}

func (c *cli) backupCommand() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "backup -o FILE",
		Short: "Copy the store, consistently, even while it is in use",
		Long: `Backup writes a copy of the store to FILE, a snapshot of one moment,
while the browser or other commands may be using it. FILE must not exist.
To restore, quit chrono and copy the backup over the store (see chrono
--help for where the store is), or open it directly with --db FILE.`,
		Args: exactArgs(0, "no arguments: the copy goes to -o FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return usagef("backup needs -o FILE, the file to write the copy to")
			}
			s, err := c.openStore(true)
			if err != nil {
				return err
			}
			defer s.Close()
			n, err := s.Backup(out)
			if err != nil {
				return err
			}
			fmt.Fprintf(c.stderr, "backed up %s to %s (%s bytes)\n", s.Location(), out, model.Thousands(n))
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "out", "o", "", "the file to write the copy to (it must not exist)")
	return cmd
}

func (c *cli) showCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "show ID",
		Short: "Show an event with its quotes, their sources, links and notes",
		Args:  exactArgs(1, "the ID of an event (see chrono list)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := c.openStore(true)
			if err != nil {
				return err
			}
			defer s.Close()
			d, err := s.Detail(args[0])
			if errors.Is(err, model.ErrNotFound) {
				return fmt.Errorf("no event %q; chrono list shows the ids", args[0])
			}
			if err != nil {
				return err
			}
			return listing.Show(c.stdout, d, 80)
		},
	}
}

func (c *cli) tagCommand(add bool) *cobra.Command {
	use, short := "tag ID TAG...", "Add tags to an event"
	if !add {
		use, short = "untag ID TAG...", "Remove tags from an event"
	}
	return &cobra.Command{
		Use:   use,
		Short: short,
		Args:  minArgs(2, "an event ID and at least one TAG"),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, tags := args[0], args[1:]
			for i, t := range tags {
				tags[i] = strings.TrimPrefix(t, "#")
				if msg := model.CheckTag(tags[i]); msg != "" {
					return usagef("%s", msg)
				}
			}
			s, err := c.openStore(false)
			if err != nil {
				return err
			}
			defer s.Close()
			e, err := s.Event(id)
			if errors.Is(err, model.ErrNotFound) {
				return fmt.Errorf("no event %q; chrono list shows the ids", id)
			}
			if err != nil {
				return err
			}
			if !add {
				for _, t := range tags {
					if !e.HasTag(t) {
						return fmt.Errorf("event %s has no tag #%s (its tags: %s)", id, t, orNone(listing.Tags(e.Tags)))
					}
				}
			}
			var changes []model.Change
			if add {
				changes, err = s.Retag([]string{id}, tags, nil)
			} else {
				changes, err = s.Retag([]string{id}, nil, tags)
			}
			if err != nil {
				return err
			}
			switch {
			case len(changes) == 0:
				fmt.Fprintf(c.stdout, "%s already has %s\n", id, listing.Tags(tags))
			case add:
				fmt.Fprintf(c.stdout, "tagged %s with %s\n", id, listing.Tags(tags))
			default:
				fmt.Fprintf(c.stdout, "removed %s from %s\n", listing.Tags(tags), id)
			}
			return nil
		},
	}
}

func (c *cli) synthCommand() *cobra.Command {
	var n int
	var seed uint64
	cmd := &cobra.Command{
		Use:   "synth --events N [--seed S]",
		Short: "Write a synthetic investigation of N events as chrono JSON, for measurements",
		Long: `Synth writes an invented investigation of N events to stdout as chrono
JSON: dates from 1990 to 2025 at mixed precision, text in several scripts
at about 1.1 KB per event, one to three quotes each, tags from a small
vocabulary. The same seed gives the same file, so measurements made on it
can be reproduced: chrono synth --events 1000000 > big.json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if n < 0 {
				return usagef("--events %d: give a number of events, 0 or more", n)
			}
			w := bufio.NewWriterSize(c.stdout, 1<<16)
			if err := native.Write(w, synth.Header(n), synth.Sources(seed), synth.Events(seed, n)); err != nil {
				return err
			}
			return w.Flush()
		},
	}
	cmd.Flags().IntVar(&n, "events", 1000, "how many events")
	cmd.Flags().Uint64Var(&seed, "seed", synth.DefaultSeed, "the generator's seed")
	return cmd
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
