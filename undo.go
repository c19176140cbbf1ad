package main

import (
	"strconv"

	"chrono/model"

	"github.com/spf13/cobra"
)

// newUndoCmd is chrono undo: the latest change taken back.
func newUndoCmd(c *cli) *cobra.Command {
	return &cobra.Command{
		Use:   "undo",
		Short: "Take back the latest change (run again to redo it)",
		Args:  noArgs,
		RunE: func(*cobra.Command, []string) error {
			return c.withStore(false, func(s model.Store) error {
				e, err := model.Undo(c.walkNoted(s))
				return c.said(e, explain(s, err))
			})
		},
	}
}

// newRevertCmd is chrono revert SEQ: an earlier change taken back.
func newRevertCmd(c *cli) *cobra.Command {
	return &cobra.Command{
		Use:   "revert N",
		Short: "Take back change N of chrono log, unless later changes left the same fields otherwise",
		Args:  exactArgs(1, "the number of a change (see chrono log)"),
		RunE: func(_ *cobra.Command, args []string) error {
			seq, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil || seq == 0 {
				return usagef("revert: %q is not a change number (see chrono log)", args[0])
			}
			return c.withStore(false, func(s model.Store) error {
				e, err := model.RevertSeq(c.walkNoted(s), seq)
				return c.said(e, explain(s, err))
			})
		},
	}
}
