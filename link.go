package main

import (
	"fmt"
	"slices"
	"strings"

	"chrono/model"
	"chrono/model/termtext"

	"github.com/spf13/cobra"
)

// newLinkCmd is chrono link ID REL ID, and chrono unlink when unlink.
func newLinkCmd(c *cli, unlink bool) *cobra.Command {
	use, short := "link ID REL ID", "Link an event to another: a disputes b, a supports b, a follows b, …"
	if unlink {
		use, short = "unlink ID REL ID", "Remove a link between two events"
	}
	return takesIDs(&cobra.Command{
		Use:   use,
		Short: short,
		Long:  short + "\n\nRelations:\n  " + relNames() + ".",
		Args:  exactArgs(3, "an event ID, a relation ("+relNames()+") and another event ID"),
		RunE: func(_ *cobra.Command, args []string) error {
			from, rel, to := args[0], model.Rel(args[1]), args[2]
			if !rel.Valid() {
				return usagef("relation %q: use one of %s", rel, relNames())
			}
			if !unlink && from == to {
				return usagef("event %q: link: an event cannot be linked to itself", from)
			}
			// Journaled as the browser's L and x are, so that the log
			// names one change one way ("related to", "disputed by").
			op, phrase := model.LinkEvents, model.AddLink{From: from, Rel: rel, To: to}.Phrase()
			if unlink {
				op, phrase = model.UnlinkEvents, model.RemoveLink{From: from, Rel: rel, To: to}.Phrase()
			}
			open := func() (model.Store, error) { return c.openStore(false) }
			_, err := c.writeThen(open, model.OpLink, phrase, func(tx model.Tx) error {
				_, err := op(tx, from, rel, to)
				return err
			}, func(s model.Store, e model.Entry) {
				fmt.Fprintln(c.stdout, entryLine(e))
				if !unlink && slices.Contains(model.OrderRels, rel) {
					c.sayContradictions(s, from, to)
				}
			})
			return err
		},
	}, "an event ID, a relation ("+relNames()+") and another event ID")
}

// sayContradictions says on stderr what a link of order just made from
// one event to another makes impossible: their dates against the order
// it states, or a cycle of order. The link stands, as the browser's ↯
// shows it; said here, it is not found only later.
func (c *cli) sayContradictions(s model.Store, from, to string) {
	e, err := s.Event(from)
	if err != nil {
		return
	}
	group, err := model.LinkedGroup(s, e)
	if err != nil {
		return
	}
	found := false
	for _, x := range model.PlacementOf(s).ContradictionsOf(&e, group, nil) {
		if slices.Contains(x.Events, to) {
			c.tell("warning: " + termtext.Line(x.What))
			found = true
		}
	}
	if found {
		c.tell("the link is recorded as given: correct a date, or chrono unlink it (chrono check --chronology lists every such problem)")
	}
}

// relNames lists the relations for help and errors.
func relNames() string { return strings.Join(relList(), ", ") }

// relList is every relation, as the command line takes them.
func relList() []string {
	out := make([]string, len(model.Rels))
	for i, r := range model.Rels {
		out[i] = string(r)
	}
	return out
}
