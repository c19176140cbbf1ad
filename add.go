package main

import (
	"fmt"
	"strings"

	"chrono/model"

	"github.com/spf13/cobra"
)

// addOptions is what chrono add was asked for.
type addOptions struct {
	*cli
	event eventFlags
	id    string
}

// newAddCmd is chrono add: a new event, typed on the command line.
func newAddCmd(c *cli) *cobra.Command {
	opts := &addOptions{cli: c}
	cmd := &cobra.Command{
		Use:   "add --title T",
		Short: "Add an event; prints its id",
		Long: `Add an event to the investigation and print its new id, made from the title
unless --id is given. Dates are EDTF (2017-08, 2017-08/2021, 2021~) or as
chrono shows them (Aug 2017, 14 Aug 2017, 2 Oct 2018 – 2021, c. 2021).`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runAdd(opts) },
	}
	cmd.Flags().StringVar(&opts.id, "id", "", "the event's id (default: made from the title)")
	opts.event.register(cmd)
	return cmd
}

// runAdd checks the event, writes it, and prints its id.
func runAdd(opts *addOptions) error {
	if strings.TrimSpace(opts.event.title) == "" {
		return usagef("add needs --title: what happened, in a line")
	}
	var e model.Event
	e.ID = opts.id
	if err := opts.event.apply(&e); err != nil {
		return err
	}
	var added model.Event
	_, err := opts.writeCreating(model.OpAdd, "added "+e.Title, func(tx model.Tx) (err error) {
		added, err = model.AddEvent(tx, e)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(opts.stdout, added.ID)
	return nil
}
