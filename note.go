package main

import (
	"fmt"
	"strings"

	"chrono/model"

	"github.com/spf13/cobra"
)

// newNoteCmd is chrono note ID TEXT: a note on an event.
func newNoteCmd(c *cli) *cobra.Command {
	var edit, del int
	cmd := &cobra.Command{
		Use:   "note ID TEXT",
		Short: "Add a note to an event (TEXT - reads it from stdin)",
		Long: `Add a note to an event, signed with your name (--author, $CHRONO_AUTHOR, else
user@host). TEXT - reads the note from stdin. --edit N replaces note N's
text: the note stays its writer's, and says you edited it and when.
--delete N removes note N (chrono show numbers them).`,
		Args: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("edit") && cmd.Flags().Changed("delete") {
				return usagef("--edit and --delete: give one; each is a change of its own")
			}
			for _, flag := range []string{"edit", "delete"} {
				if n, _ := cmd.Flags().GetInt(flag); cmd.Flags().Changed(flag) && n < 1 {
					return usagef("--%s %d: notes are numbered from 1, as chrono show lists them", flag, n)
				}
			}
			if del > 0 {
				return exactArgs(1, "the event's ID")(cmd, args)
			}
			return exactArgs(2, "an event ID and the note's TEXT (- reads it from stdin)")(cmd, args)
		},
		RunE: func(_ *cobra.Command, args []string) error {
			id := args[0]
			var text string
			if len(args) > 1 {
				text = args[1]
				if text == "-" {
					var err error
					c.askTyped("the note")
					if text, err = readText(c.stdin, "TEXT"); err != nil {
						return err
					}
				}
				if strings.TrimSpace(text) == "" {
					return usagef("the note is empty")
				}
			}
			var phrase string
			var fn func(tx model.Tx) error
			switch {
			case del > 0:
				phrase = fmt.Sprintf("deleted note %d of %s", del, id)
				fn = func(tx model.Tx) error { _, err := model.DeleteNote(tx, id, del); return err }
			case edit > 0:
				phrase = fmt.Sprintf("edited note %d of %s", edit, id)
				fn = func(tx model.Tx) error { _, err := model.EditNote(tx, id, edit, text); return err }
			default:
				phrase = "added a note to " + id
				fn = func(tx model.Tx) error {
					_, err := model.AddNoteTo(tx, id, model.Note{Text: text, At: tx.Now()})
					return err
				}
			}
			return c.change(model.OpNote, phrase, fn)
		},
	}
	cmd.Flags().IntVar(&edit, "edit", 0, "replace the text of note `N`")
	cmd.Flags().IntVar(&del, "delete", 0, "remove note `N`")
	return takesText(cmd)
}
