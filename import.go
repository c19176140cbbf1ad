package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"chrono/model"
	"chrono/model/formats"
	"chrono/model/termtext"
	"chrono/store"
	"chrono/store/outfile"

	"github.com/spf13/cobra"
)

// importOptions is what chrono import was asked for.
type importOptions struct {
	*cli
	format  string // "auto", or the name of a format chrono reads
	dryRun  bool
	replace bool   // updated events take the file's every field its format carries
	prefer  string // the side that wins a field changed in both since the last import
	// skipTrashed leaves the events in the trash there, skipping the
	// files' records of them.
	skipTrashed bool
	files       []string // "-" is stdin
}

// newImportCmd is chrono import FILE...: events and sources into the store.
func newImportCmd(c *cli) *cobra.Command {
	opts := &importOptions{cli: c}
	cmd := &cobra.Command{
		Use:   "import [--format auto|json|timelinejs|plaso|timesketch|csv] [--dry-run] [--replace | --prefer file|chrono] [--skip-trashed] FILE...",
		Short: "Add the events of files to the store (- reads stdin)",
		Long: `Import reads chrono JSON, TimelineJS JSON, Plaso's json_line or
l2tcsv, Timesketch JSONL or CSV, or chrono CSV, and adds their events
and sources to the store. chrono JSON is a document or the JSON Lines
of events that chrono list --json prints (an event a line, no sources:
a quote's source must be in the store already). With --format auto (the
default) the format is recognised from each file's content, and said.
An event whose id is already stored is updated with what the file has
for it: a field the format has no place for (links in CSV, say), or
that a chrono JSON record leaves out, keeps its stored value, while one
given empty ("", [] or null) is cleared. A field changed in chrono since
the last import keeps chrono's value when the file still has what that
import brought; when the file has changed it too, the import stops and
lists each such field: --prefer file takes the file's values, --prefer
chrono keeps chrono's. A tag removed in chrono is not brought back, and
no tag or note on the event is taken away.

With --replace the file wins every field its format carries (in chrono
JSON every field: the event becomes the file's version whole; a field a
format has no place for stays as stored), and the changes made in chrono
since the last import are undone (a title corrected goes back to the
file's, a tag the file has that was removed in chrono comes back). No
tag or note is taken away, as without it. The report counts the
fields and events whose changes it undid, --dry-run marks each such
field, and chrono log names them by event.

An event in the trash stops the import, which names it: restore it
first for the file to update it, or import with --skip-trashed to leave
it deleted (such records are skipped, and counted).

--dry-run lists what each update would change. The import is all or
nothing: if any file has a problem, every problem is listed and the store
is left as it was. Anything a format could not carry over is reported.

A chrono store file (a bbolt file, such as chrono backup writes) is
recognised by its content and imported alone. Into an empty store or
investigation it is restored whole, in one transaction: events, sources,
snapshots, the trash and the journal, whose chain is verified first and
holds after. Into one that holds anything its events and sources are
merged as any import's, and its journal, trash and snapshots are not
carried (it says so): restore a backup into a new store to keep them.`,
		Args: minArgs(1, "at least one FILE (or - for stdin)"),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.files = args
			return runImport(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.dryRun, "dry-run", false, "check the files and report what would change, without changing the store")
	cmd.Flags().BoolVar(&opts.replace, "replace", false, "replace updated events whole with the file's version, undoing what was changed in chrono since the last import (no tag or note is taken away), instead of taking only the fields the file has")
	cmd.Flags().BoolVar(&opts.skipTrashed, "skip-trashed", false, "leave the events in the trash there, skipping the files' records of them (counted), where such a record stops the import")
	cmd.Flags().StringVar(&opts.prefer, "prefer", "", "for a field changed both in chrono and in the file since the last import: file (take the file's) or chrono (keep chrono's); without it the import stops and lists them")
	cmd.Flags().StringVar(&opts.format, "format", "auto", "the files' format: auto (recognise it), "+formats.Names(true))
	return takesFiles(cmd, "FILE")
}

// importMemory is the heap an import aims to stay within; past it the
// garbage collector works harder rather than let memory grow.
const importMemory = 192 << 20

// runImport adds the files' events to the store, all or nothing, and says
// what each file brought.
func runImport(opts *importOptions) error {
	fixed, err := importFormat(opts.format)
	if err != nil {
		return err
	}
	if _, err := opts.storeOptions(); err != nil {
		return err
	}
	// Standard input can be read once: a second "-" would read nothing.
	if n := slices.Index(opts.files, "-"); n >= 0 && slices.Contains(opts.files[n+1:], "-") {
		return usagef("import reads standard input once: give - once")
	}
	if fixed == nil {
		if path, err := opts.storeFile(); err != nil {
			return err
		} else if path != "" {
			return opts.importStore(path)
		}
	}
	if path, absent := opts.absentStoreFile(); absent {
		if opts.dryRun {
			return opts.previewNew(path, fixed)
		}
		return opts.importNew(path, fixed)
	}
	// A dry run changes nothing, a missing store included.
	open := opts.openCreating
	if opts.dryRun {
		open = func() (model.Store, error) { return opts.openStore(false) }
	}
	s, err := open()
	if path, _, perr := opts.storePath(); errors.Is(err, model.ErrNoStore) && opts.dryRun && perr == nil && store.IsAddress(path) {
		// No such investigation in the database yet: tried against an
		// empty one, as a first import into a new file is.
		return opts.previewNew(fmt.Sprintf("%s (investigation %s)", store.SafeLocation(path), opts.investigationName()), fixed)
	}
	if errors.Is(err, model.ErrInUse) && slices.Contains(opts.files, "-") {
		// The usual way to meet it: chrono export on this store piped
		// into its own import, which waits for the export to end while
		// the export waits for the import to read.
		return fmt.Errorf("%w\nif standard input comes from chrono reading this same store, write it to a file first (chrono export -o FILE), then import FILE", err)
	}
	if err != nil {
		return err
	}
	defer opts.clearOnSignal()()
	return opts.importClosing(s, fixed)
}

// importClosing imports into s, which it closes, and says what else is
// wrong with s when the import found it damaged.
func (o *importOptions) importClosing(s model.Store, fixed *formats.Format) error {
	defer s.Close()
	err := o.importInto(s, fixed)
	checkDamaged(o.stderr, s, err)
	o.importEnded(s, err)
	return err
}

// importEnded says an investigation made for an import that succeeded,
// and takes away one made for an import that failed (err): "the store is
// unchanged" holds, and the name stays free.
func (o *importOptions) importEnded(s model.Store, err error) {
	if err == nil {
		o.saidMade(s)
		return
	}
	if d, ok := s.(interface{ DiscardUnused() error }); ok && !errors.Is(err, model.ErrInUse) {
		_ = d.DiscardUnused()
	}
}

// importInto opens the files, in the format fixed or each in its own, and
// imports them into s.
func (o *importOptions) importInto(s model.Store, fixed *formats.Format) error {
	var meter importMeter
	inputs, err := o.openInputs(fixed, &meter)
	if err != nil {
		return err
	}
	defer closeInputs(inputs)
	// A large import makes garbage fast: collecting it before the heap
	// doubles keeps the import's memory flat.
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(importMemory))
	storeOpts, err := o.storeOptions()
	if err != nil {
		return err
	}
	if o.progressTo != nil {
		storeOpts.Progress = meter.start(o.progressTo, o.stderrIsTerminal(), inputBytes(inputs))
		defer meter.stop()
	}
	snaps, err := checkSnapshotInputs(inputs)
	var held map[snapshotKey]string
	if err == nil {
		held, err = checkSnapshotsHeld(s, snaps)
	}
	switch {
	case err != nil && o.dryRun:
		return fmt.Errorf("the import would stop at these problems, importing nothing:\n%w", err)
	case err != nil:
		return fmt.Errorf("nothing imported, the store is unchanged:\n%w", err)
	}
	slides, err := checkSlides(s, inputs)
	switch shifted := slides.shifted; {
	case err != nil:
		return err
	case len(shifted) > 0 && o.dryRun:
		return fmt.Errorf("the import would stop at these problems, importing nothing:\n%w\n%s", errors.Join(shifted...), shiftedAdvice)
	case len(shifted) > 0:
		return fmt.Errorf("nothing imported, the store is unchanged:\n%w\n%s", errors.Join(shifted...), shiftedAdvice)
	}
	made := watchMade(s, inputs) // before the store takes the inputs' reads
	before, _ := journalHead(s)  // unread, a change is still told by its seq
	results, err := s.Import(storeInputs(inputs), storeOpts)
	// The meter's line is cleared before anything is said, or the report
	// would follow it on the same line of a terminal.
	meter.stop()
	placeProblems(inputs, err)
	if err != nil {
		err = formatAdvice(inputs, err)
	}
	switch {
	case err != nil && o.dryRun:
		// A dry run never changes the store: say what a real import
		// would meet.
		return fmt.Errorf("the import would stop at these problems, importing nothing:\n%w", importAdvice(err))
	case err != nil:
		return fmt.Errorf("nothing imported, the store is unchanged:\n%w", importAdvice(err))
	}
	o.report(inputs, results)
	o.warnRetitled(slides.retitled)
	records, files := made.retitled(s)
	o.warnRetitled(records)
	o.warnRetitledFiles(files)
	if o.dryRun {
		return nil
	}
	err = o.restoreSnapshots(s, snaps, held)
	o.warnIfWrittenAfterBreak(s, before) // the events are in, whatever the snapshots met
	return err
}

// storeOptions is what the store is asked for: --prefer read, and
// refused beside --replace, which settles every field for the file.
func (o *importOptions) storeOptions() (model.ImportOptions, error) {
	opts := model.ImportOptions{DryRun: o.dryRun, Replace: o.replace, SkipTrashed: o.skipTrashed}
	if o.prefer == "" {
		return opts, nil
	}
	if o.replace {
		return opts, usagef("--replace takes each event from the file whole: --prefer has nothing to settle")
	}
	p, err := model.ParsePrefer(o.prefer)
	if err != nil {
		return opts, usagef("--prefer: %v", err)
	}
	opts.Prefer = p
	return opts, nil
}

// importAdvice adds to an import's problems what to do about those that
// a change of the file alone would not mend.
func importAdvice(err error) error {
	err = unresolvedAdvice(err)
	if errors.Is(err, model.ErrEditedBoth) {
		err = fmt.Errorf("%w\neach field above differs in chrono from what the last import brought, and the file brings another value: "+
			"import again with --prefer file to take the file's values, or --prefer chrono to keep chrono's (chrono log lists the changes)", err)
	}
	return err
}

// importFormat is the format --format fixes for every file, or nil for
// auto, which recognises each file's own.
func importFormat(name string) (*formats.Format, error) {
	if name == "auto" {
		return nil, nil
	}
	f, ok := formats.Lookup(name)
	if !ok || f.Read == nil {
		return nil, usagef("--format %q: chrono reads auto, %s", name, formats.Names(true))
	}
	return &f, nil
}

// importInput is one file of an import: open, its format known, ready for
// the store to read.
type importInput struct {
	model.Input
	file     *os.File        // nil for stdin, which is not chrono's to close, but for its copy (spooled)
	spooled  bool            // file is a copy of stdin, removed when the import ends
	pipe     *os.File        // a file that is not a regular one (a named pipe), read once as stdin is
	detected string          // what auto detection found, said in the report
	format   string          // the name of the format it is read in
	variant  string          // the title of its variant (Plaso l2tcsv), when its first bytes say
	unlike   *formats.Format // what a file read in the format --format fixes looks like instead
	lost     *model.Losses   // what the format could not carry, filled by Read
	snaps    *snapshotInput  // a chrono JSON input's snapshots, read apart
}

// openInputs opens every file and settles its format before anything is
// imported, so that a missing file or an unknown format stops the import
// before it starts.
func (o *importOptions) openInputs(fixed *formats.Format, meter *importMeter) ([]importInput, error) {
	var inputs []importInput
	for _, name := range o.files {
		in, err := o.openInput(name, fixed, meter)
		if err != nil {
			closeInputs(inputs)
			return nil, err
		}
		inputs = append(inputs, in)
	}
	return inputs, nil
}

// openInput opens one file (- is stdin), its bytes counted by the meter.
func (o *importOptions) openInput(name string, fixed *formats.Format, meter *importMeter) (importInput, error) {
	in := importInput{lost: &model.Losses{}}
	var r io.Reader = o.stdin
	if name == "-" {
		name = "stdin"
		o.askTyped("or paste what to import")
	} else {
		if err := notAnAddress("import:", name, "import reads files: copy an investigation out of a database with chrono --db ADDRESS --investigation NAME backup -o FILE, then import FILE"); err != nil {
			return importInput{}, err
		}
		f, err := openInputFile(name)
		if err != nil {
			return importInput{}, err
		}
		in.file, r = f, f
	}
	in.Name, in.Size = name, sizeOf(r)
	if in.file != nil && in.Size < 0 {
		// A named pipe or a device is read once, as stdin is: what is
		// read again (snapshots, a TimelineJS document's slides) comes
		// from a copy.
		in.pipe, in.file = in.file, nil
	}
	if in.file != nil && in.Size >= 0 {
		r = readOnce(in.file)
	}
	f, r, detected, unlike, err := inputFormat(meter.count(r), fixed)
	if lines, ok := formats.Lookup("timesketch"); errors.Is(err, formats.ErrEmpty) && ok && isJSONLines(name) {
		// An export of no events as JSON Lines: no records, read as
		// such (by Timesketch's reader, as Plaso's would read it).
		f, detected, err = lines, "detected an empty JSON Lines file", nil
	}
	if err != nil {
		closeInputs([]importInput{in})
		if errors.Is(err, formats.ErrUTF16) {
			return importInput{}, fmt.Errorf("%s:1:1: %w", termtext.Line(name), err) // its first bytes
		}
		return importInput{}, fmt.Errorf("%s: %w", termtext.Line(name), err)
	}
	in.detected, in.unlike, in.format, in.variant = detected, unlike, f.Name, f.Title
	in.Carries, in.Whole, in.Taken = f.Carries, f.Whole, f.Taken
	if f.Name == "json" {
		in.snaps = &snapshotInput{name: name, path: name}
		if in.file == nil {
			// stdin is read once: a copy is kept for its snapshots.
			spool, err := outfile.Scratch("chrono-import-*.json")
			if err != nil {
				return importInput{}, fmt.Errorf("%s: keeping a copy of it for its snapshots: %w", termtext.Line(name), err)
			}
			in.snaps.spool, r = spool, io.TeeReader(r, spool)
		}
	}
	if f.Name == "timelinejs" && in.file == nil {
		var unchecked error
		if r, unchecked, err = in.spool(r); err != nil {
			return importInput{}, err
		}
		if unchecked != nil {
			fmt.Fprintf(o.stderr, "warning: %s: %v; its slides are not checked for ids shifted onto stored events, as a file's are\n", termtext.Line(name), unchecked)
		}
	}
	lost := in.lost
	in.Read = func(sink model.Sink) error { return f.Read(r, sink, lost) }
	return in, nil
}

// spool copies a TimelineJS document from stdin, which is read once, to
// a file, for the checks that read it again before it is imported
// (checkSlides): without them, a slide added before others on stdin
// would carry what chrono holds of one event onto another, refused from
// a file. A document larger than they read (maxRetitledLook) goes on
// from the copy's end to stdin's, unchecked, as a file that large does;
// and so does one no copy can be made of (unchecked says why). An error
// reading or copying it stops the import.
func (in *importInput) spool(r io.Reader) (rest io.Reader, unchecked, err error) {
	spool, err := outfile.Scratch("chrono-import-*.json")
	if err != nil {
		return r, fmt.Errorf("keeping a copy of it: %w", err), nil
	}
	n, err := io.Copy(spool, io.LimitReader(r, maxRetitledLook+1))
	if err != nil {
		outfile.RemoveScratch(spool)
		return nil, nil, fmt.Errorf("%s: keeping a copy of it: %w", termtext.Line(in.Name), err)
	}
	in.file, in.spooled = spool, true
	copied := io.NewSectionReader(spool, 0, n)
	if n > maxRetitledLook {
		return io.MultiReader(copied, r), nil, nil
	}
	in.Size = n
	return copied, nil, nil
}

// inputFormat is the fixed format, or the one recognised from r's first
// bytes, with r to read from then (the bytes looked at put back), and
// what was detected, to say so; either is titled for the variant r's
// first bytes are in, when they are in one of it. With a fixed format,
// unlike is the other format r's first bytes look like, if they do: said
// should the fixed one fail to read it.
func inputFormat(r io.Reader, fixed *formats.Format) (f formats.Format, rest io.Reader, detected string, unlike *formats.Format, err error) {
	f, r, err = formats.Detect(r)
	switch {
	case errors.Is(err, formats.ErrUTF16):
		return f, r, "", nil, err
	case fixed != nil && err == nil && f.Name == fixed.Name:
		return f, r, "", nil, nil
	case fixed != nil:
		if err == nil && f.Name != fixed.Name {
			looks := f
			unlike = &looks
		}
		return *fixed, r, "", unlike, nil
	case err != nil:
		return f, r, "", nil, err
	}
	return f, r, "detected " + f.Title, nil, nil
}

// formatAdvice adds to an import's problems, for each file read in the
// format --format fixes that looks like another and has problems, which
// format it looks like.
func formatAdvice(inputs []importInput, err error) error {
	for _, in := range inputs {
		if in.unlike != nil && problemsIn(err, in.Name) {
			err = fmt.Errorf("%w\n%s looks like %s: leave out --format, or give --format %s", err, termtext.Line(in.Name), in.unlike.Title, in.unlike.Name)
		}
	}
	return err
}

// problemsIn reports whether err holds a problem placed in file.
func problemsIn(err error, file string) bool {
	var ps *model.Problems
	var p model.Problem
	switch {
	case errors.As(err, &ps):
		return slices.ContainsFunc(ps.List, func(p model.Problem) bool { return p.File == file })
	case errors.As(err, &p):
		return p.File == file
	}
	return false
}

// closeInputs closes the files of inputs.
func closeInputs(inputs []importInput) {
	for _, in := range inputs {
		switch {
		case in.spooled:
			outfile.RemoveScratch(in.file)
		case in.file != nil:
			in.file.Close()
		}
		if in.pipe != nil {
			in.pipe.Close()
		}
		if in.snaps != nil {
			in.snaps.close()
		}
	}
}

// storeInputs is inputs as the store takes them.
func storeInputs(inputs []importInput) []model.Input {
	out := make([]model.Input, len(inputs))
	for i, in := range inputs {
		out[i] = in.Input
	}
	return out
}

// inputBytes is the size of the inputs whose size is known, for the
// meter.
func inputBytes(inputs []importInput) int64 {
	var n int64
	for _, in := range inputs {
		n += max(in.Size, 0)
	}
	return n
}

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

// report says, a line per file, what the import did or would do, with the
// format detected and what it could not carry; a dry run then lists what
// each update would change.
func (o *importOptions) report(inputs []importInput, results []model.ImportResult) {
	verb, clear := o.tense("imported", "would import"), o.tense("cleared", "would clear")
	for i, r := range results {
		line := fmt.Sprintf("%s %s (%d new, %d updated", verb, events(r.Events), r.New, r.Updated)
		if r.Unchanged > 0 {
			line += fmt.Sprintf(", %d unchanged", r.Unchanged)
		}
		if r.InTrash > 0 {
			line += fmt.Sprintf(", %d %s in the trash", r.InTrash, o.tense("left", "would be left"))
		}
		if c := clears(r); c != "" {
			line += "; " + clear + " " + c
		}
		if k := o.keptEdits(r); k != "" {
			line += "; " + k
		}
		if k := o.sourcesSaid(r); k != "" {
			line += "; " + k
		}
		if len(r.HeaderKept) > 0 {
			line += "; " + o.tense("kept", "would keep") + " the investigation's " + strings.Join(r.HeaderKept, " and ") + ", which the file gives otherwise"
		}
		line = fmt.Sprintf("%s) from %s", line, termtext.Line(inputs[i].Name))
		if n := joinNonEmpty("; ", inputs[i].detected, inputs[i].lost.String()); n != "" {
			line += " (" + termtext.Line(n) + ")"
		}
		fmt.Fprintln(o.stdout, wrapped(line, o.outWidth))
		if o.dryRun {
			o.listUpdates(r)
		}
	}
}

// keptEdits says on how many events the changes made in chrono since the
// last import were kept, how many fields changed on both sides --prefer
// settled, and how many fields of how many events --replace undid.
func (o *importOptions) keptEdits(r model.ImportResult) string {
	var parts []string
	if r.KeptEdits > 0 {
		parts = append(parts, o.tense("kept", "would keep")+" the changes made in chrono to "+events(r.KeptEdits))
	}
	if r.Settled > 0 {
		side := o.tense("took", "would take") + " the file's"
		if o.prefer == string(model.PreferChrono) {
			side = o.tense("kept", "would keep") + " chrono's"
		}
		value := " value"
		if r.Settled > 1 {
			value = " values"
		}
		parts = append(parts, fmt.Sprintf("%s for %s changed on both sides", side+value, plural(r.Settled, "field")))
	}
	if r.UndidFields > 0 {
		parts = append(parts, fmt.Sprintf("%s the changes made in chrono to %s of %s", o.tense("undid", "would undo"), plural(r.UndidFields, "field"), events(r.UndidEdits)))
	}
	return strings.Join(parts, "; ")
}

// sourcesSaid says how many stored sources the import changed, which
// fields of which it took from the file over chrono's values, and which
// it kept as chrono has them, the file giving them otherwise.
func (o *importOptions) sourcesSaid(r model.ImportResult) string {
	var parts []string
	if r.SourcesUpdated > 0 {
		parts = append(parts, o.tense("updated ", "would update ")+plural(r.SourcesUpdated, "source"))
	}
	if len(r.SourcesTook) > 0 {
		parts = append(parts, o.tense("took", "would take")+" the file's "+sourceFields(r.SourcesTook)+" over chrono's")
	}
	if len(r.SourcesKept) > 0 {
		said := o.tense("kept", "would keep") + " chrono's " + sourceFields(r.SourcesKept) + ", which the file gives otherwise"
		if o.prefer != string(model.PreferChrono) {
			said += " (--prefer file takes the file's)"
		}
		parts = append(parts, said)
	}
	return strings.Join(parts, "; ")
}

// tense is done, or would on a dry run, which changes nothing.
func (o *importOptions) tense(done, would string) string {
	if o.dryRun {
		return would
	}
	return done
}

// sourceFields names the fields of the first few sources: "url, archive
// of wapo; title of post; 2 sources more".
func sourceFields(fs []model.SourceFields) string {
	const most = 3
	var out []string
	for _, f := range fs[:min(most, len(fs))] {
		out = append(out, termtext.Line(strings.Join(f.Fields, ", ")+" of "+f.ID))
	}
	if n := len(fs) - most; n > 0 {
		out = append(out, fmt.Sprintf("%s more", plural(n, "source")))
	}
	return strings.Join(out, "; ")
}

// clears says how many updated events lose all their quotes, links or
// status: "the quotes of 1 event, the status of 2".
func clears(r model.ImportResult) string {
	var parts []string
	for _, c := range []struct {
		what string
		n    int
	}{{"quotes", r.ClearsQuotes}, {"links", r.ClearsLinks}, {"status", r.ClearsStatus}} {
		if c.n > 0 {
			parts = append(parts, fmt.Sprintf("the %s of %s", c.what, events(c.n)))
		}
	}
	return strings.Join(parts, ", ")
}

// changeWidth is how many characters of a value a dry run shows.
const changeWidth = 40

// listUpdates writes, under a dry run's line, each updated event with a
// line per field that would change: "    status      alleged → (none)".
// The values come from the files and the store, so they are made safe
// for the terminal.
func (o *importOptions) listUpdates(r model.ImportResult) {
	value := func(s string) string {
		if s == "" {
			return "(none)"
		}
		return termtext.Line(model.Shorten(s, changeWidth))
	}
	for _, u := range r.Updates {
		fmt.Fprintf(o.stdout, "  %s\n", termtext.Line(u.ID))
		for _, c := range u.Changes {
			before, after := value(c.Before), value(c.After)
			if before == after {
				before, after = changedPart(c.Before, c.After)
			}
			undid := ""
			if c.Undid {
				undid = "  (undoes chrono's change)"
			}
			fmt.Fprintf(o.stdout, "    %-11s  %s → %s%s\n", c.Field, before, after, undid)
		}
	}
	if more := r.Updated - len(r.Updates); more > 0 && len(r.Updates) > 0 {
		fmt.Fprintf(o.stdout, "  and %d more updated (a dry run lists the first %d)\n", more, model.MaxListedUpdates)
	}
}

// changedPart shows two values that read the same on one line (they
// differ in a line break, a tab or a control, or past what is shown) as
// Go strings from a little before where they differ, so that the change
// can be seen.
func changedPart(before, after string) (string, string) {
	i := 0
	for i < len(before) && i < len(after) && before[i] == after[i] {
		i++
	}
	start := max(i-changeWidth/4, 0)
	for start > 0 && !utf8.RuneStart(before[start]) {
		start--
	}
	show := func(s string) string {
		s = s[start:]
		cut := ""
		if n := utf8.RuneCountInString(s); n > changeWidth {
			s, cut = string([]rune(s)[:changeWidth]), "…"
		}
		q := strconv.Quote(s) + cut
		if start > 0 {
			q = "…" + q
		}
		return termtext.Line(q)
	}
	return show(before), show(after)
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

// isJSONLines reports whether a file's name says it holds JSON Lines.
func isJSONLines(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson":
		return true
	}
	return false
}
