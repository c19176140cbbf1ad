package main

import (
	"fmt"
	"strings"

	"chrono/model"
	"chrono/model/columns"
	"chrono/model/termtext"

	"github.com/spf13/cobra"
)

// trashOptions is what chrono rm, trash and restore were asked for.
type trashOptions struct {
	*cli
	ids   []string
	empty bool
}

// newRmCmd is chrono rm ID...: events to the trash.
func newRmCmd(c *cli) *cobra.Command {
	opts := &trashOptions{cli: c}
	return takesIDs(&cobra.Command{
		Use:   "rm ID...",
		Short: "Move events to the trash (chrono restore brings them back)",
		Args:  minArgs(1, "the ID of at least one event"),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.ids = model.UniqueIDs(args)
			return runRm(opts)
		},
	}, "the ID of at least one event")
}

// runRm moves the events to the trash and names the links left pointing
// at them.
func runRm(opts *trashOptions) error {
	var deleted []model.Deleted
	// Journaled as the browser's d is, so that the log names one change
	// one way.
	e, err := opts.write(model.OpDelete, model.Trash{Events: opts.ids}.Phrase(), func(tx model.Tx) (err error) {
		deleted, err = model.DeleteEvents(tx, opts.ids)
		return err
	})
	if err != nil {
		return err
	}
	w, done := opts.out()
	for _, d := range deleted {
		fmt.Fprintf(w, "moved %s to the trash: %s\n", d.ID, termtext.Line(d.Title))
		for _, in := range d.LinkedBy {
			fmt.Fprintf(w, "  still linked from %s (%s)\n", in.From, in.Rel)
		}
	}
	if err := done(); err != nil {
		return err
	}
	them := "them"
	if len(opts.ids) == 1 {
		them = "it"
	}
	if opts.afterBreak {
		// undo refuses an entry after a break in the chain.
		opts.tell(fmt.Sprintf("chrono restore %s brings %s back", strings.Join(opts.ids, " "), them))
		return nil
	}
	opts.tell(fmt.Sprintf("chrono restore %s brings %s back; chrono undo takes back #%d", strings.Join(opts.ids, " "), them, e.Seq))
	return nil
}

// newTrashCmd is chrono trash: what is in it, or emptying it.
func newTrashCmd(c *cli) *cobra.Command {
	opts := &trashOptions{cli: c}
	cmd := &cobra.Command{
		Use:   "trash",
		Short: "List the deleted events, or empty the trash for good",
		Args:  noArgs,
		RunE: func(*cobra.Command, []string) error {
			if opts.empty {
				return runEmptyTrash(opts)
			}
			return runTrash(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.empty, "empty", false, "remove every event in the trash for good (this cannot be undone)")
	return cmd
}

// withTrash runs use on the store and what is in its trash, or says
// that the trash is empty.
func (opts *trashOptions) withTrash(readOnly bool, use func(model.Store, []model.Trashed) error) error {
	return opts.withStore(readOnly, func(s model.Store) error {
		trash, err := s.Trash()
		if err != nil {
			return err
		}
		if len(trash) == 0 {
			fmt.Fprintln(opts.stderr, "the trash is empty")
			return nil
		}
		return use(s, trash)
	})
}

// runTrash lists the trash, most recently deleted first.
func runTrash(opts *trashOptions) error {
	return opts.withTrash(true, func(_ model.Store, trash []model.Trashed) error {
		if width := opts.terminalWidth(); width > 0 {
			// At a terminal the title and who deleted it give way to
			// its width, the time and the id kept whole; to a pipe
			// each line is whole.
			rows := make([][]string, len(trash))
			for i, t := range trash {
				rows[i] = []string{t.At.Local().Format("2006-01-02 15:04"), t.Event.ID, termtext.Line(t.Event.Title), "(deleted by " + termtext.Line(t.Author) + ")"}
			}
			for _, l := range columns.Lay(rows, trashColumns, width) {
				if _, err := fmt.Fprintln(opts.stdout, l); err != nil {
					return err
				}
			}
			return nil
		}
		// The titles in one column, however long an id (ids are ASCII).
		idWidth := 24
		for _, t := range trash {
			idWidth = max(idWidth, len(t.Event.ID))
		}
		for _, t := range trash {
			fmt.Fprintf(opts.stdout, "%s  %-*s %s  (deleted by %s)\n", t.At.Local().Format("2006-01-02 15:04"), idWidth, t.Event.ID,
				termtext.Line(t.Event.Title), termtext.Line(t.Author))
		}
		return nil
	})
}

// trashColumns are chrono trash's: when, id, title and who deleted it.
// The title says what the line is: it keeps as many columns as chrono
// list's titles do before who deleted it gives way, and who deleted it
// is left out rather than cut to say nothing.
var trashColumns = []columns.Column{{}, {}, {Shrinks: true, Least: 24}, {Shrinks: true, Tail: ")", Least: 16, Drops: true}}

// runEmptyTrash removes every event in the trash, and the links events
// on the timeline made to them, naming each link removed.
func runEmptyTrash(opts *trashOptions) error {
	return opts.withTrash(false, func(s model.Store, trash []model.Trashed) error {
		ids := make([]string, len(trash))
		for i, t := range trash {
			ids[i] = t.Event.ID
		}
		var purged model.Purged
		// Journaled as the browser's X is: "(for good)" says it cannot
		// be undone.
		e, err := s.Write(model.OpPurge, model.Purge{Events: ids}.Phrase(), func(tx model.Tx) (err error) {
			purged, err = model.PurgeEvents(tx, ids)
			return err
		})
		if err := opts.said(e, explain(s, err)); err != nil {
			return err
		}
		if say := model.UnlinkedPhrase(len(purged.Unlinked), purged.Holders(), len(ids)); say != "" {
			fmt.Fprintln(opts.stdout, say+":")
		}
		for _, u := range purged.Unlinked {
			fmt.Fprintf(opts.stdout, "  %s %s %s\n", u.From, u.Link.Rel, u.Link.Event)
		}
		return nil
	})
}

// newRestoreCmd is chrono restore ID...: events back from the trash.
func newRestoreCmd(c *cli) *cobra.Command {
	opts := &trashOptions{cli: c}
	return takesIDs(&cobra.Command{
		Use:   "restore ID...",
		Short: "Bring events back from the trash",
		Args:  minArgs(1, "the ID of at least one event in the trash (see chrono trash)"),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.ids = model.UniqueIDs(args)
			return opts.change(model.OpRestore, "restored "+events(len(opts.ids)), func(tx model.Tx) error {
				return model.RestoreEvents(tx, opts.ids)
			})
		},
	}, "the ID of at least one event in the trash (see chrono trash)")
}
