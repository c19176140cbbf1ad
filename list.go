package main

import (
	"fmt"

	"chrono/model"
	"chrono/model/listing"
	"chrono/model/native"
	"chrono/model/termtext"

	"github.com/spf13/cobra"
)

// listOptions is what chrono list was asked for.
type listOptions struct {
	*cli
	filter queryFlags
	asJSON bool
	tz     tzFlag
}

// newListCmd is chrono list: the events, a line each, in timeline order.
func newListCmd(c *cli) *cobra.Command {
	opts := &listOptions{cli: c}
	cmd := &cobra.Command{
		Use:   "list [--tag T] [--status S] [--actor A] [--source ID] [--during EDTF] [--linked REL] [--tz ZONE] [--json]",
		Short: "List events in timeline order",
		Long: `List prints one line per event, in timeline order: date, status, id, title
and tags. Repeating a flag widens it (--tag a --tag b lists events tagged a
or b); different flags narrow each other. --source lists what a source
says: the events that quote it, and those whose date it anchors (their
date text read from its publication). --during lists events whose dates
overlap an EDTF date: --during 2017 finds an event of August 2017, and one
known only to lie between 2016 and 2018. --tz utc or --tz local shows times
written with an offset in UTC or in your zone; a time written without one
is the local time where it happened, and is never converted. An event
with a chronology problem (see chrono check --chronology) has ↯ after its
status; chrono show ID says what it is.`,
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error { return runList(opts) },
	}
	opts.filter.register(cmd, byTag|byStatus|byActor|bySource|byDuring|byLinked)
	cmd.Flags().BoolVar(&opts.asJSON, "json", false, "print one chrono JSON event object per line")
	opts.tz.register(cmd)
	return cmd
}

// runList prints the events the filter chooses.
func runList(opts *listOptions) error {
	q, err := opts.filter.query()
	if err != nil {
		return err
	}
	zone, err := opts.tz.zone()
	if err != nil {
		return err
	}
	q.Zone = zone // --during's days are those the lines show
	return opts.withStore(true, func(s model.Store) error {
		q, err := resolve(s, q, opts.stderr)
		if err != nil {
			return err
		}
		if opts.asJSON {
			return opts.printJSON(s, q, opts.filter.named())
		}
		return opts.printList(s, q, opts.filter.named(), zone)
	})
}

// printList prints the events as aligned lines, for a person, their
// times in zone; chrono with no command prints them so too when it has
// no terminal. filter names the flags that chose q, to say that nothing
// matched them.
func (c *cli) printList(s model.Store, q model.Query, filter string, zone model.Zone) error {
	problem, failed, err := chronologyProblems(s, q)
	if err != nil {
		return err
	}
	lines := listing.NewLines(c.stdout)
	lines.Zone = zone
	lines.Width = c.terminalWidth() // a pipe gets whole lines
	marked := 0
	lines.Problem = func(e *model.Event) bool {
		p := problem(e)
		if p {
			marked++
		}
		return p
	}
	listed := 0
	for e, err := range s.Events(q) {
		if err != nil {
			return err
		}
		if err := lines.Write(&e); err != nil {
			return err
		}
		listed++
	}
	if err := lines.Flush(); err != nil {
		return err
	}
	if err := failed(); err != nil {
		return err
	}
	if listed == 0 {
		return c.sayNoneListed(s, filter)
	}
	if marked > 0 {
		// On stderr, so that the lines stay the events alone; short
		// enough for a terminal's line.
		fmt.Fprintf(c.stderr, "%s: %s with a chronology problem; chrono show ID says what it is\n",
			listing.ProblemSign, plural(marked, "event"))
	}
	return nil
}

// printJSON prints the events as chrono JSON, an object a line, for
// programs; what a terminal would act on is escaped. filter names the
// flags that chose q.
func (c *cli) printJSON(s model.Store, q model.Query, filter string) error {
	listed := 0
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
		listed++
	}
	if listed == 0 {
		return c.sayNoneListed(s, filter)
	}
	return nil
}
