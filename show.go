package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"chrono/model"
	"chrono/model/listing"
	"chrono/model/termtext"

	"github.com/spf13/cobra"
)

// showOptions is what chrono show was asked for.
type showOptions struct {
	*cli
	id string
	// sides shows the accounts of the event's claim instead.
	sides bool
	tz    tzFlag
}

// newShowCmd is chrono show ID: one event in full.
func newShowCmd(c *cli) *cobra.Command {
	opts := &showOptions{cli: c}
	cmd := &cobra.Command{
		Use:   "show ID [--sides] [--tz ZONE]",
		Short: "Show an event with its quotes, their sources, media, links and notes",
		Args:  exactArgs(1, "the ID of an event (see chrono list)"),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.id = args[0]
			return runShow(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.sides, "sides", false, "show what asserts the event's claim and what denies or disputes it")
	opts.tz.register(cmd)
	return takesIDs(cmd, "the ID of an event (see chrono list)")
}

// runShow prints the event with everything that stands behind it.
func runShow(opts *showOptions) error {
	zone, err := opts.tz.zone()
	if err != nil {
		return err
	}
	return opts.withStore(true, func(s model.Store) error {
		if opts.sides {
			sides, err := model.ReadSides(s, opts.id)
			if err != nil {
				return err
			}
			return listing.ShowSides(opts.stdout, sides, 80, zone)
		}
		d, err := s.Detail(opts.id)
		if err != nil {
			return err
		}
		// What the chronology says of it that cannot all be true, as the
		// browser's sources pane says it: from its linked group and the
		// sources it cites, without reading the rest of the store.
		group, err := model.DetailGroup(s, d)
		if err != nil {
			return err
		}
		problems := model.PlacementOf(s).ContradictionsOf(&d.Event, group, model.PublishedDates(slices.Collect(maps.Values(d.Sources))))
		checks, err := quoteChecks(s, d)
		if err != nil {
			return err
		}
		if err := listing.Show(opts.stdout, d, problems, checks, 80, zone); err != nil {
			return err
		}
		opts.sayTrashedLinks(d)
		return nil
	})
}

// sayTrashedLinks says on stderr how to bring back the linked events in
// the trash: over SSH, where no chrono command is the user's, through the
// browser.
func (opts *showOptions) sayTrashedLinks(d model.Detail) {
	var ids []string
	for _, r := range d.Related {
		if _, on := d.Titles[r.Event]; on {
			continue
		}
		if _, trashed := d.Trashed[r.Event]; trashed && !slices.Contains(ids, r.Event) {
			ids = append(ids, r.Event)
		}
	}
	if len(ids) == 0 {
		return
	}
	if opts.overSSH() {
		fmt.Fprintf(opts.stderr, "%s in the trash: D in the browser shows it\n", termtext.Line(strings.Join(ids, ", ")))
		return
	}
	args := make([]string, len(ids))
	for i, id := range ids {
		args[i] = shellArg(id)
	}
	fmt.Fprintf(opts.stderr, "%s in the trash: chrono restore %s brings it back\n", termtext.Line(strings.Join(ids, ", ")), termtext.Line(strings.Join(args, " ")))
}
