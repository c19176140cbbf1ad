package main

import (
	"fmt"
	"strconv"
	"strings"

	"chrono/model"
	"chrono/model/termtext"

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
chrono shows them (Aug 2017, 14 Aug 2017, 2 Oct 2018 – 2021, c. 2021).
"before 2018" is some time up to the end of 2017 (? – 2017, EDTF /2017),
"after 2018" some time from 2019 (2019 – ?, EDTF 2019/); "until 2018" and
"since 2018" take 2018 in (../2018, 2018/..).`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runAdd(opts) },
	}
	cmd.Flags().StringVar(&opts.id, "id", "", "the event's id (default: made from the title)")
	opts.event.register(cmd)
	return takesText(cmd)
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
	// Before the store: a store add makes should not be left behind by an
	// event that could never be added.
	if err := typedWrong(nil, e); err != nil {
		return err
	}
	var added model.Event
	var published model.Date // of the source anchoring the date text
	// The journal says it as the browser's add does: one phrasing, so
	// chrono log reads alike whichever made the event.
	phrase := model.SaveEvent{Event: e}.Phrase()
	_, err := opts.writeCreating(model.OpAdd, phrase, func(tx model.Tx) (err error) {
		if added, err = model.AddEvent(tx, e); err != nil {
			return err
		}
		if src, err := tx.Source(added.DateSource); err == nil && added.DateSource != "" {
			published = src.Published
		}
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(opts.stdout, added.ID)
	if opts.event.cmd.Flags().Changed("date") {
		noteBeforeAfter(opts.stderr, "--date", opts.event.date, added.Date)
	}
	// An event dated only by a source's words: say the date they mean, as
	// the browser's form proposes it, for the investigator to take.
	if added.Date.IsZero() && added.DateText != "" {
		if d, ok := model.ProposeDate(added.DateText, published); ok {
			how := "reads as"
			if !published.IsZero() {
				if _, err := model.ReadDate(added.DateText); err != nil {
					how = "read in a source published " + published.Label() + ", proposes"
				}
			}
			fmt.Fprintf(opts.stderr, "undated: %s %s %s; chrono edit %s --set date=%s takes it\n",
				termtext.Line(strconv.Quote(added.DateText)), how, d.Label(), added.ID, d.String())
		} else if !published.IsZero() && model.Relative(added.DateText) {
			fmt.Fprintf(opts.stderr, "undated: %s needs a more exact date of publication than %s's, %s; chrono source edit %s --published gives it\n",
				termtext.Line(strconv.Quote(added.DateText)), added.DateSource, published.Label(), added.DateSource)
		} else if published.IsZero() && added.DateSource != "" && model.Relative(added.DateText) {
			fmt.Fprintf(opts.stderr, "undated: %s hangs on when %s was published, which it does not say; chrono source edit %s --published DATE gives it\n",
				termtext.Line(strconv.Quote(added.DateText)), added.DateSource, added.DateSource)
		}
	}
	return nil
}
