package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"chrono/model"
	"chrono/model/formats"
	"chrono/model/native"
	"chrono/model/termtext"
	"chrono/store/outfile"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
)

// exportOptions is what chrono export was asked for.
type exportOptions struct {
	*cli
	format string
	output string // "" or "-": stdout
	force  bool   // replace a file -o names
	filter queryFlags
	notes  bool // Markdown keeps the private notes
	// withSnapshots carries the sources' snapshots (chrono JSON only).
	withSnapshots bool
}

// newExportCmd is chrono export: the investigation in any format chrono
// writes.
func newExportCmd(c *cli) *cobra.Command {
	opts := &exportOptions{cli: c}
	cmd := &cobra.Command{
		Use:   "export [--format json|timelinejs|timesketch|timesketch-csv|csv|markdown|evidence] [--tag T] [--status S] [--actor A] [--source ID] [--notes] [--with-snapshots] [-o FILE [--force]]",
		Short: "Write the investigation as chrono JSON, TimelineJS, Timesketch, CSV, Markdown or an evidence directory",
		Long: `Export writes the investigation (title, sources, events with their tags
and notes), or the events with a tag or status, in one of the formats
chrono speaks. chrono JSON imports back to the same content; every other
format says what it could not carry. Timesketch is written as JSONL, or
as CSV with --format timesketch-csv or an output name ending in .csv.
Markdown is a draft for a story: it names linked events by their titles
and leaves the investigator's private notes out unless --notes is given.
Without -o it goes to stdout. -o refuses to replace a file that exists
unless --force is given; a pipe or a device is written to as it is.

--format evidence -o DIR writes a directory to be read without chrono:
index.html (every event, quote and source, each snapshot's hash, each
quote's check against its source's latest snapshot, linked to the passage
in the snapshot's text, the journal's chain head, and who exported it and
when, named as the journal names who made a change), the snapshots'
text and original bytes, journal.jsonl, and SHA256SUMS, which
sha256sum -c checks. The pages work offline and carry no script. DIR must
not exist or be empty; the directory appears whole or not at all.`,
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error { return runExport(opts) },
	}
	cmd.Flags().StringVar(&opts.format, "format", "json", "the format to write: "+formats.Names(false)+", "+evidenceFormat+" (a directory)")
	opts.filter.register(cmd, byTag|byStatus|byActor|bySource)
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "write to FILE instead of stdout (a new file, unless --force)")
	cmd.Flags().BoolVar(&opts.force, "force", false, "replace the file -o names if it exists")
	cmd.Flags().BoolVar(&opts.notes, "notes", false, "Markdown: include the investigator's private notes, which a draft leaves out")
	cmd.Flags().BoolVar(&opts.withSnapshots, "with-snapshots", false, "chrono JSON: carry the sources' snapshots, base64 with their hashes")
	return cmd
}

// runExport writes the header, the sources and the chosen events, then
// says on stderr how many and what the format could not carry.
func runExport(opts *exportOptions) error {
	if err := notAnAddress("-o", opts.output, "export writes files: to copy an investigation into a database, chrono backup -o FILE, then chrono --db ADDRESS --investigation NAME import FILE"); err != nil {
		return err
	}
	if opts.format == evidenceFormat {
		return runExportEvidence(opts)
	}
	f, err := exportFormat(opts.format, opts.output)
	if err != nil {
		return err
	}
	if opts.withSnapshots && f.Name != "json" {
		return usagef("--with-snapshots: only chrono JSON (--format json) carries snapshots")
	}
	if opts.notes && f.Name != "markdown" {
		return usagef("--notes: only the Markdown draft leaves the notes out unless asked; chrono JSON and Timesketch always carry them, TimelineJS and chrono CSV never do")
	}
	q, err := opts.filter.query()
	if err != nil {
		return err
	}
	if opts.output != "" && opts.output != "-" {
		defer opts.clearOnSignal()()
	}
	return opts.withStore(true, func(s model.Store) error { return opts.export(s, f, q) })
}

// export writes what q chooses from s in format f.
func (o *exportOptions) export(s model.Store, f formats.Format, q model.Query) error {
	q, err := resolve(s, q, o.stderr)
	if err != nil {
		return err
	}
	h, err := s.Header()
	if err != nil {
		return err
	}
	sources, err := s.Sources()
	if err != nil {
		return err
	}
	trash, err := s.Trash()
	if err != nil {
		return err
	}
	var n int
	var lost model.Losses
	// The export is of the timeline: links to events in the trash are
	// left out, and said, so that the file imports.
	events := model.WithoutTrashedLinks(s.Events(q), trash, &lost)
	if f.LeavesOut != nil {
		// So are links to the events the format skips, for the same
		// reason; the event a link names is looked up, as it may come
		// after the event that names it.
		events = model.WithoutLinksTo(events, func(id string) (bool, error) {
			e, err := s.Event(id)
			if errors.Is(err, model.ErrNotFound) {
				return false, nil // a link to no event: chrono check names it
			}
			return err == nil && f.LeavesOut(e), err
		}, &lost)
	}
	if !q.IsZero() && f.Read != nil && f.Carries.Has(model.FieldLinks) {
		// Part of the timeline: its links to the rest are kept, for an
		// import back into this store, and counted, as the file imports
		// into no store without those events.
		events = model.CountLinksOutside(events, &lost)
	}
	f = o.markdownDraft(f, s)
	var drafted map[string]bool // the events a Markdown draft quotes from
	if f.Name == "markdown" {
		drafted = map[string]bool{}
		events = eventsNoted(events, drafted)
	}
	write := func(w io.Writer) (err error) {
		n, err = f.Write(w, h, sources, events, &lost)
		return err
	}
	var damaged []string // said once the export is written
	kept := 0            // the snapshots the file leaves out
	if o.withSnapshots {
		write = func(w io.Writer) error {
			counted := func(yield func(model.Event, error) bool) {
				for e, err := range events {
					if err == nil {
						n++
					}
					if !yield(e, err) {
						return
					}
				}
			}
			return native.WriteWithSnapshots(w, h, sources, counted, snapshotDocs(s, sources, func(sn model.Snapshot, problem string, taken bool) {
				then := "which an import of the file refuses"
				if taken {
					then = "with the hashes kept with it, which it matches: an import of the file takes it as sound, so import the file nowhere; restore the store from a backup made before"
				}
				damaged = append(damaged, fmt.Sprintf("warning: source %s, snapshot %d: %s; exported as found, %s (chrono verify names it)", termtext.Line(sn.Source), sn.N, termtext.Line(problem), then))
			}, func(o model.SnapshotOutOfStep) {
				damaged = append(damaged, fmt.Sprintf("warning: source %s, snapshot %d: %s; exported as the store has it (chrono verify names it)", termtext.Line(o.Source), o.N, termtext.Line(o.Problem)))
			}))
		}
	} else if kept, err = countSnapshots(s, sources); err != nil {
		return err
	} else {
		lost.Add(lostSnapshots, kept)
	}
	// A screen gets the export as forTerminal allows, whether it is
	// stdout or a name for a terminal (-o /dev/stdout, -o /dev/tty).
	onScreen := func(w io.Writer) error {
		write, err := forTerminal(f, write)
		if err != nil {
			return err
		}
		return write(w)
	}
	if err := o.writeOutput(write, onScreen); err != nil {
		return err
	}
	o.report(f, n, &lost)
	for _, d := range damaged {
		fmt.Fprintln(o.stderr, d)
	}
	if drafted != nil && kept > 0 {
		return o.warnMisquoted(s, drafted)
	}
	return nil
}

// exportFormat is the format asked for; Timesketch to a .csv file is
// Timesketch CSV.
func exportFormat(format, output string) (formats.Format, error) {
	if format == "timesketch" && strings.HasSuffix(strings.ToLower(output), ".csv") {
		format = "timesketch-csv"
	}
	f, ok := formats.Lookup(format)
	if !ok || f.Write == nil {
		return f, usagef("--format %q: chrono exports %s, and %s (a directory, with -o DIR)", format, formats.Names(false), evidenceFormat)
	}
	return f, nil
}

// forTerminal wraps write for a terminal: the investigation's text goes
// out as it came, control characters and all, so never raw to a screen.
// Formats that can escape them do; the others are refused.
func forTerminal(f formats.Format, write func(io.Writer) error) (func(io.Writer) error, error) {
	switch f.Shown {
	case formats.ShownNever:
		return nil, usagef("%s carries text exactly as it came, control characters and all, so chrono does not print it to a terminal: use -o FILE, or a pipe", f.Title)
	case formats.ShownEscaped:
		return func(w io.Writer) error {
			jw := termtext.NewJSONWriter(w)
			if err := write(jw); err != nil {
				return err
			}
			return jw.Close()
		}, nil
	}
	return write, nil
}

// report says on stderr, out of the way of the export on stdout, how many
// events went where and what the format left out.
func (o *exportOptions) report(f formats.Format, n int, lost *model.Losses) {
	dest := "stdout"
	if o.output != "" && o.output != "-" {
		dest = o.output
	}
	line := fmt.Sprintf("exported %s to %s", events(n), f.Name)
	if dest != "stdout" {
		line += " in " + termtext.Line(dest)
	}
	if !lost.Empty() {
		line += " (" + lost.String() + ")"
	}
	fmt.Fprintln(o.stderr, line)
}

// writeOutput writes to stdout, or to the file -o names as package
// outfile does: a file appears only when complete (a failed export never
// leaves half a file behind), replaces one only when forced, and a pipe
// or a device is written through. What goes to a terminal is written by
// onScreen.
func (o *exportOptions) writeOutput(write, onScreen func(io.Writer) error) error {
	if o.output == "" || o.output == "-" {
		if o.stdoutIsTerminal() {
			return onScreen(o.stdout)
		}
		return noRoomToWrite("stdout", true, buffered(write, o.stdout))
	}
	create := outfile.CreateNoReplace
	if o.force {
		create = outfile.Create
	}
	f, err := create(o.output, 0o666)
	if errors.Is(err, outfile.ErrExists) {
		return fmt.Errorf("%w: give --force to replace it, or another file name", err)
	}
	if err != nil {
		return err
	}
	defer f.Abort()
	if f.Through() != nil && term.IsTerminal(f.Through().Fd()) {
		write = onScreen
	}
	if err := buffered(write, f); err != nil {
		return noRoomToWrite(o.output, f.Through() != nil, err)
	}
	return noRoomToWrite(o.output, f.Through() != nil, f.Commit())
}

// buffered calls write with a buffer in front of w: the formats write a
// line or a field at a time, and a million events' export made a million
// system calls and more (3 s of a Timesketch export's 24).
func buffered(write func(io.Writer) error, w io.Writer) error {
	b := bufio.NewWriterSize(w, 256<<10)
	if err := write(b); err != nil {
		return err
	}
	return b.Flush()
}
