package main

import (
	"chrono/model"
	"chrono/model/listing"

	"github.com/spf13/cobra"
)

// showOptions is what chrono show was asked for.
type showOptions struct {
	*cli
	id string
	tz tzFlag
}

// newShowCmd is chrono show ID: one event in full.
func newShowCmd(c *cli) *cobra.Command {
	opts := &showOptions{cli: c}
	cmd := &cobra.Command{
		Use:   "show ID [--tz ZONE]",
		Short: "Show an event with its quotes, their sources, links and notes",
		Args:  exactArgs(1, "the ID of an event (see chrono list)"),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.id = args[0]
			return runShow(opts)
		},
	}
	opts.tz.register(cmd)
	return cmd
}

// runShow prints the event with everything that stands behind it.
func runShow(opts *showOptions) error {
	zone, err := opts.tz.zone()
	if err != nil {
		return err
	}
	return opts.withStore(true, func(s model.Store) error {
		d, err := s.Detail(opts.id)
		if err != nil {
			return eventErr(opts.id, err)
		}
		return listing.Show(opts.stdout, d, 80, zone)
	})
}
