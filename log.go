package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"chrono/model"
	"chrono/model/termtext"

	"github.com/go-json-experiment/json"
	"github.com/spf13/cobra"
)

// logOptions is what chrono log was asked for.
type logOptions struct {
	*cli
	id, since string
	asJSON    bool
	limit     int
	head      bool
	// w is where the entries are listed: stdout, wrapped at a terminal.
	w io.Writer
}

// logHang is the column an entry's lines go on under when wrapped: that
// of the changes it lists.
const logHang = 7

// newLogCmd is chrono log [ID]: the journal, newest first.
func newLogCmd(c *cli) *cobra.Command {
	opts := &logOptions{cli: c}
	cmd := &cobra.Command{
		Use:   "log [ID]",
		Short: "Show the history of changes, newest first (of one event with ID)",
		Long: `Show the journal of changes, newest first: each change's number, time,
author, what it did and the events it touched. With ID, only the changes
to what chrono show ID shows: to that event, and to the links other
events make to it (linked, unlinked, or the linking event moved to the
trash or back). chrono undo takes back the latest; chrono revert N an
earlier one. When the journal's chain does not hold (an entry changed
outside chrono), a warning on stderr after the entries names the entry
where it breaks.

--head prints the journal's chain head instead: the newest entry's
number and the first 16 hex digits of its hash, a value to write in a
notebook, email to an editor or timestamp elsewhere; the second line is
the whole SHA-256. chrono verify --journal shows later that the journal
still leads to it. When the chain does not hold up to the head, a warning
on stderr names the entry where it breaks.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usagef("log takes at most one event ID")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.id = args[0]
			}
			if opts.head {
				return runLogHead(opts)
			}
			if cmd.Flags().Changed("number") && opts.limit < 1 {
				return usagef("--number %d: give 1 or more (without it, every change is shown)", opts.limit)
			}
			return runLog(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.asJSON, "json", false, "print each entry as a line of JSON, with the versions before and after")
	cmd.Flags().StringVar(&opts.since, "since", "", "only changes made from this date on (EDTF or as chrono shows dates)")
	cmd.Flags().IntVarP(&opts.limit, "number", "n", 0, "show at most `N` changes")
	cmd.Flags().BoolVar(&opts.head, "head", false, "print the journal's chain head: the newest change's number and hash")
	return takesIDs(cmd, "an event's ID, or none for the whole journal")
}

// logShown is how many of an entry's events a line lists.
const logShown = 5

// logPage is how many entries are read at a time: the first page is on
// the screen before the rest is read.
const logPage = 200

// runLog prints the journal a page at a time.
func runLog(opts *logOptions) (err error) {
	q := model.JournalQuery{Event: opts.id, Linked: true, Limit: logPage, MostEvents: logShown}
	if opts.asJSON {
		q.MostEvents = 0 // JSON is for programs: every event, whole
	}
	if opts.since != "" {
		d, err := model.ReadDate(opts.since)
		if err != nil {
			return usagef("--since: %v", err)
		}
		// A date written without an offset is on the reader's clock,
		// as log shows the entries' times.
		q.Since = d.Earliest().Time()
		if !d.HasOffset() {
			t := q.Since
			q.Since = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.Local)
		}
	}
	s, err := opts.openStore(true)
	if err != nil {
		return err
	}
	defer s.Close()
	if !opts.asJSON {
		// An entry's phrase and the changes it lists go on under the
		// phrase's column, past the number, time and author.
		w, done := opts.outHanging(logHang)
		opts.w = w
		defer func() {
			if derr := done(); err == nil {
				err = derr
			}
		}()
	}
	printed := 0
list:
	for {
		entries, err := s.Journal(q)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if opts.limit > 0 && printed == opts.limit {
				break list
			}
			if err := opts.print(s, e); err != nil {
				return err
			}
			printed++
		}
		if len(entries) < q.Limit {
			break
		}
		q.Before = entries[len(entries)-1].Seq
	}
	if printed == 0 && opts.id != "" {
		if _, err := s.Event(opts.id); err != nil {
			return explain(s, err)
		}
	}
	if printed == 0 {
		return nil
	}
	return warnIfChainBreaks(s, opts.stderr, "the entries listed are as stored, and what they say may not be what was done (chrono verify --journal says what differs)")
}

// warnIfChainBreaks checks the journal's chain of s, after what a
// command printed of it, and warns on w, saying then, when it does not
// hold.
func warnIfChainBreaks(s model.Store, w io.Writer, then string) error {
	br, err := chainBreak(s)
	if br != nil {
		warnChainBreak(w, br, then)
	}
	return err
}

// print writes one entry, read from r.
func (o *logOptions) print(r model.Reader, e model.Entry) error {
	if o.asJSON {
		b, err := json.Marshal(e)
		if err != nil {
			return err
		}
		_, err = o.stdout.Write(append(termtext.EscapeJSON(b), '\n'))
		return err
	}
	fmt.Fprintf(o.w, "#%-5d %s  %-16s %s\n", e.Seq, e.At.Local().Format("2006-01-02 15:04:05"), termtext.Line(e.Author), termtext.Line(e.Phrase))
	for i, c := range e.Events {
		if i == logShown {
			break
		}
		if c.LeftUnsaid() {
			// An import keeps only the version it replaced: the fields it
			// changed are found from the version it left.
			after, ok, err := model.LeftBy(r, e.Seq, c.ID)
			if err != nil {
				return err
			}
			if ok {
				c.After = &after
			}
		}
		fmt.Fprintf(o.w, "       %s %s\n", c.ID, changeWords(c))
	}
	switch n, shown := max(e.Touched, len(e.Events)), min(len(e.Events), logShown); {
	case n > shown && o.id != "":
		// One event's history: the entry's other events, not listed.
		fmt.Fprintf(o.w, "       … and %s\n", plural(n-shown, "other event"))
	case n > shown:
		fmt.Fprintf(o.w, "       … and %s more\n", model.Thousands(int64(n-shown)))
	}
	for i, c := range e.Sources {
		if i == logShown {
			fmt.Fprintf(o.w, "       … and %s more\n", plural(len(e.Sources)-logShown, "source"))
			break
		}
		fmt.Fprintf(o.w, "       source %s %s\n", termtext.Line(c.ID), sourceWords(c))
	}
	for i, r := range e.Snapshots {
		if i == logShown {
			fmt.Fprintf(o.w, "       … and %s more\n", plural(len(e.Snapshots)-logShown, "snapshot"))
			break
		}
		fmt.Fprintf(o.w, "       %s\n", snapshotWords(r))
	}
	if h := e.Header; h != nil {
		// An import can set them too: a revert refused for them must
		// find the entry that did.
		fmt.Fprintf(o.w, "       investigation %s\n", headerWords(h))
	}
	return nil
}

// sourceWords says what a change did to one source.
func sourceWords(c model.SourceChange) string {
	switch {
	case c.Before == nil:
		return "added"
	case c.After == nil:
		return "removed"
	}
	return "changed"
}

// headerWords says what a change did to the investigation's title and
// description.
func headerWords(h *model.HeaderChange) string {
	var parts []string
	for _, f := range []struct{ name, before, after string }{
		{"title", h.Before.Title, h.After.Title},
		{"description", h.Before.Description, h.After.Description},
	} {
		switch {
		case f.before == f.after:
		case f.before == "":
			parts = append(parts, f.name+" set")
		case f.after == "":
			parts = append(parts, f.name+" cleared")
		default:
			parts = append(parts, f.name+" changed")
		}
	}
	if len(parts) == 0 {
		return "title and description unchanged"
	}
	return strings.Join(parts, ", ")
}

// changeWords says what a change did to one event, made safe to print.
func changeWords(c model.EventChange) string { return termtext.Line(c.Words()) }
