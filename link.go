package main

import (
	"fmt"
	"strings"

	"chrono/model"

	"github.com/spf13/cobra"
)

// newLinkCmd is chrono link ID REL ID, and chrono unlink when unlink.
func newLinkCmd(c *cli, unlink bool) *cobra.Command {
	use, short := "link ID REL ID", "Link an event to another: a disputes b, a supports b, a follows b, …"
	if unlink {
		use, short = "unlink ID REL ID", "Remove a link between two events"
	}
	return &cobra.Command{
		Use:   use,
		Short: short,
		Long:  short + "\n\nRelations:\n  " + relNames() + ".",
		Args:  exactArgs(3, "an event ID, a relation ("+relNames()+") and another event ID"),
		RunE: func(_ *cobra.Command, args []string) error {
			from, rel, to := args[0], model.Rel(args[1]), args[2]
			if !rel.Valid() {
				return usagef("relation %q: use one of %s", rel, relNames())
			}
			op, verb := model.LinkEvents, "linked"
			if unlink {
				op, verb = model.UnlinkEvents, "unlinked"
			}
			return c.change(model.OpLink, fmt.Sprintf("%s %s %s %s", verb, from, rel, to), func(tx model.Tx) error {
				_, err := op(tx, from, rel, to)
				return err
			})
		},
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
