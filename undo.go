package main

import (
	"fmt"
	"strconv"

	"chrono/model"
	"chrono/model/termtext"

	"github.com/spf13/cobra"
)

// newUndoCmd is chrono undo: the latest change taken back.
func newUndoCmd(c *cli) *cobra.Command {
	return &cobra.Command{
		Use:   "undo",
		Short: "Take back the latest change (run again to redo it)",
		Args:  noArgs,
		RunE: func(*cobra.Command, []string) error {
			defer limitRevertMemory()()
			return c.withStore(false, func(s model.Store) error {
				m := c.revertMeter()
				e, err := model.UndoWith(c.walkNoted(s), model.RevertOptions{Progress: m.progress})
				m.stop()
				return c.saidReverted(s, e, explain(s, err))
			})
		},
	}
}

// newRevertCmd is chrono revert SEQ: an earlier change taken back.
func newRevertCmd(c *cli) *cobra.Command {
	return countedFrom1(&cobra.Command{
		Use:   "revert N",
		Short: "Take back change N of chrono log, unless later changes left the same fields otherwise",
		Args:  exactArgs(1, "the number of a change (see chrono log)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			seq, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil || seq == 0 {
				return notCountedFrom1(cmd, args[0])
			}
			defer limitRevertMemory()()
			return c.withStore(false, func(s model.Store) error {
				m := c.revertMeter()
				e, err := model.RevertSeqWith(c.walkNoted(s), seq, model.RevertOptions{Progress: m.progress})
				m.stop()
				return c.saidReverted(s, e, explain(s, err))
			})
		},
	}, "the number of a change (see chrono log)")
}

// revertMeter is where an undo or a revert shows its progress.
func (c *cli) revertMeter() *revertMeter {
	return &revertMeter{to: c.progressTo, terminal: c.stderrIsTerminal()}
}

// saidReverted says what a revert did, as said does, and whose change
// it took back when that was another author's: chrono undo takes back
// the latest change, whoever made it.
func (c *cli) saidReverted(s model.Store, e model.Entry, err error) error {
	if err := c.said(e, err); err != nil || e.Reverts == 0 {
		return err
	}
	// Its head alone: the entry whole is every event it touched, and a
	// redo's is the undo's, a version of each of an import's events
	// (1.7 GB read back at 200,000 events, after the redo was written).
	was, err := s.Journal(model.JournalQuery{After: e.Reverts - 1, Before: e.Reverts + 1, Limit: 1, HeadsOnly: true})
	if err == nil && len(was) == 1 && was[0].Author != e.Author {
		fmt.Fprintf(c.stdout, "that change was %s's, made %s\n", termtext.Line(was[0].Author), was[0].At.Local().Format("2 Jan 2006 15:04"))
	}
	return nil
}
