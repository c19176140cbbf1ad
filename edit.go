package main

import (
	"strings"

	"chrono/model"

	"github.com/spf13/cobra"
)

// editOptions is what chrono edit was asked for.
type editOptions struct {
	*cli
	id   string
	sets []string
	// header edits the investigation's title and description (--header;
	// not --investigation, which names the investigation of a database
	// for every command).
	header bool
}

// newEditCmd is chrono edit: an event's fields, or the investigation's
// title and description.
func newEditCmd(c *cli) *cobra.Command {
	opts := &editOptions{cli: c}
	cmd := &cobra.Command{
		Use:   "edit ID [--set FIELD=VALUE]...",
		Short: "Edit an event in $EDITOR, or set its fields",
		Long: `Edit the event ID. With --set, each FIELD=VALUE sets one field, for scripts:
title, date, status, summary, date_text, date_source, actors and tags (the
last two comma-separated); an empty VALUE clears the field. Without --set,
the whole event (quotes, links and notes too) opens as chrono JSON in
$VISUAL or $EDITOR (else vi); it is saved when you leave the editor, if it
is valid, and reopened with the problems at the top if it is not.

With --header, --set title=... and --set description=... change the
investigation's own title and description.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if opts.header {
				if len(args) > 0 {
					// The header is the investigation's: no event's id.
					return usagef("edit --header takes no event ID, got %q: it edits the investigation's title and description (chrono edit --header --set title=...); to edit event %s, leave --header out", strings.Join(args, " "), args[0])
				}
				return nil
			}
			return exactArgs(1, "the ID of an event (see chrono list), or --header")(cmd, args)
		},
		RunE: func(_ *cobra.Command, args []string) error {
			if opts.header {
				return runEditHeader(opts)
			}
			opts.id = args[0]
			if len(opts.sets) == 0 {
				return runEditInEditor(opts)
			}
			return runEditSet(opts)
		},
	}
	cmd.Flags().StringArrayVar(&opts.sets, "set", nil, "FIELD=VALUE to set (repeat for more)")
	cmd.Flags().BoolVar(&opts.header, "header", false, "edit the investigation's title and description")
	return takesText(takesIDs(cmd, "the ID of an event (see chrono list), or --header"))
}

// runEditSet sets the fields on the event as it is stored now.
func runEditSet(opts *editOptions) error {
	sets, err := parseSets(opts.sets)
	if err != nil {
		return err
	}
	err = opts.change(model.OpEdit, "edited "+opts.id, func(tx model.Tx) error {
		_, err := model.UpdateEvent(tx, opts.id, func(e *model.Event) error {
			was := e.Clone()
			for _, s := range sets {
				if err := setField(e, s.field, s.value); err != nil {
					return err
				}
			}
			// Journaled as the browser's E is, by the title it saves.
			tx.Rephrase(model.SaveEvent{Base: &was, Event: *e}.Phrase())
			return typedWrong(&was, *e)
		})
		return err
	})
	if err != nil {
		return err
	}
	// The last date set is the event's.
	for i := len(sets) - 1; i >= 0; i-- {
		if sets[i].field == "date" {
			if d, err := model.ReadDate(sets[i].value); err == nil {
				noteBeforeAfter(opts.stderr, "--set date", sets[i].value, d)
			}
			break
		}
	}
	return nil
}

// runEditHeader sets the investigation's title and description.
func runEditHeader(opts *editOptions) error {
	sets, err := parseSets(opts.sets)
	if err != nil {
		return err
	}
	if len(sets) == 0 {
		return usagef("edit --header needs --set title=... or --set description=...")
	}
	return opts.change(model.OpTitle, "changed the investigation's title or description", func(tx model.Tx) error {
		h, err := tx.Header()
		if err != nil {
			return err
		}
		was := h
		for _, s := range sets {
			switch s.field {
			case "title":
				h.Title = s.value
			case "description":
				h.Description = s.value
			default:
				return usagef("--set %s: the investigation has a title and a description", s.field)
			}
		}
		// Journaled as the browser's I is, saying what changed.
		tx.Rephrase(model.Retitle{Base: &was, Header: h}.Phrase())
		return model.SetHeader(tx, h)
	})
}

// fieldSet is one --set FIELD=VALUE.
type fieldSet struct{ field, value string }

func parseSets(sets []string) ([]fieldSet, error) {
	out := make([]fieldSet, 0, len(sets))
	for _, s := range sets {
		field, value, ok := strings.Cut(s, "=")
		if !ok {
			return nil, usagef("--set %q: write FIELD=VALUE", s)
		}
		out = append(out, fieldSet{strings.TrimSpace(field), value})
	}
	return out, nil
}

// settable are the fields --set knows, for its errors.
const settable = "title, date, status, summary, date_text, date_source, actors, tags"

// setField sets one field of e from text, as --set gives it.
func setField(e *model.Event, field, value string) error {
	switch field {
	case "title":
		e.Title = value
	case "summary":
		e.Summary = value
	case "date_text":
		e.SetDateText(value)
	case "date_source":
		e.DateSource = value
	case "date":
		d, err := model.ReadDate(value)
		if err != nil {
			return dateFlagError("--set date", "--set date_text", "--set date_source", "", value, err)
		}
		e.Date = d
	case "status":
		if value == "" {
			e.Status = ""
			return nil
		}
		st, err := parseStatusFlag(value)
		if err != nil {
			return usagef("--set status: %v", err)
		}
		e.Status = st
	case "actors":
		e.Actors = splitList(value)
	case "tags":
		tags, err := cleanTags(splitList(value), true)
		if err != nil {
			return err
		}
		e.Tags = tags
	default:
		if near := model.Suggest(field, strings.Split(settable, ", ")); near != "" {
			return usagef("--set %s: did you mean %s? chrono edit sets %s", field, near, settable)
		}
		return usagef("--set %s: chrono edit sets %s (quotes, links and notes: chrono edit %s without --set)", field, settable, e.ID)
	}
	return nil
}

// splitList reads a comma-separated list, without empty items.
func splitList(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}
