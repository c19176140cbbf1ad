package main

import (
	"fmt"
	"strconv"

	"chrono/model"

	"github.com/spf13/cobra"
)

// newQuoteCmd is chrono quote, with its subcommands.
func newQuoteCmd(c *cli) *cobra.Command {
	cmd := &cobra.Command{Use: "quote", Short: "Add or remove an event's verbatim quotes", Args: noArgs}
	cmd.AddCommand(newQuoteAddCmd(c), newQuoteRmCmd(c))
	return cmd
}

// newQuoteAddCmd is chrono quote add ID --text T ...
func newQuoteAddCmd(c *cli) *cobra.Command {
	var q model.Quote
	var stance string
	var at int
	cmd := &cobra.Command{
		Use:   "add ID --text TEXT [--speaker S] [--source ID] [--context C] [--stance S]",
		Short: "Add a verbatim quote to an event (--text - reads it from stdin)",
		Args:  exactArgs(1, "the event's ID"),
		RunE: func(self *cobra.Command, args []string) error {
			id := args[0]
			if q.Text == "-" {
				c.askTyped("the quote, word for word")
				text, err := readText(c.stdin, "--text")
				if err != nil {
					return err
				}
				q.Text = text
			}
			switch given := self.Flags().Changed("text"); {
			case !given:
				return usagef("quote add needs --text: the quote, verbatim")
			case model.Blank(q.Text):
				return usagef("--text: the quote is empty (white space, or characters that show as nothing, quote nothing): give its words, verbatim (- reads them from stdin)")
			}
			if self.Flags().Changed("at") && at < 1 {
				return usagef("--at %d: quotes are numbered from 1, as chrono show lists them", at)
			}
			q.Stance = model.Stance(stance)
			if !q.Stance.Valid() {
				return usagef("--stance %q: use asserts, denies or context", stance)
			}
			n := at // the quote's place, once added
			said := func(s model.Store, e model.Entry) {
				fmt.Fprintln(c.stdout, entryLine(e))
				c.warnQuoteNotFound(s, id, n, q)
			}
			_, err := c.writeThen(func() (model.Store, error) { return c.openStore(false) }, model.OpQuote, "added a quote to "+id, func(tx model.Tx) error {
				ch, err := model.AddQuote(tx, id, q, at)
				if at == 0 {
					n = len(ch.After.Quotes)
				}
				return err
			}, said)
			return err
		},
	}
	f := cmd.Flags()
	f.StringVar(&q.Text, "text", "", "the quote, verbatim (- reads it from stdin)")
	f.StringVar(&q.Speaker, "speaker", "", "who said or wrote it")
	f.StringVar(&q.Source, "source", "", "the id of the source it is taken from (chrono source list)")
	f.StringVar(&q.Context, "context", "", "where it was said or written")
	f.StringVar(&stance, "stance", "", "its stance on the event's claim: asserts, denies or context")
	f.IntVar(&at, "at", 0, "its place among the event's quotes, from 1 (default: last)")
	return takesText(takesIDs(cmd, "the event's ID"))
}

// newQuoteRmCmd is chrono quote rm ID N.
func newQuoteRmCmd(c *cli) *cobra.Command {
	return countedFrom1(&cobra.Command{
		Use:   "rm ID N",
		Short: "Remove quote N (from 1, as chrono show lists them) of an event",
		Args:  exactArgs(2, "the event's ID and the number of the quote"),
		RunE: func(cmd *cobra.Command, args []string) error {
			// Whole: a number read from the front of "2x" or "1.5" would
			// remove a quote nobody named.
			n, err := strconv.Atoi(args[1])
			if err != nil || n < 1 {
				return notCountedFrom1(cmd, args[1])
			}
			return c.change(model.OpQuote, fmt.Sprintf("removed quote %d of %s", n, args[0]), func(tx model.Tx) error {
				_, err := model.RemoveQuote(tx, args[0], n)
				return err
			})
		},
	}, "the number of a quote (as chrono show lists them)")
}
