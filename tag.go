package main

import (
	"errors"
	"fmt"
	"strings"

	"chrono/model"
	"chrono/model/listing"
	"chrono/store"

	"github.com/spf13/cobra"
)

// tagOptions is what chrono tag or chrono untag was asked for.
type tagOptions struct {
	*cli
	add  bool // tag; untag when false
	id   string
	tags []string
}

// newTagCmd is chrono tag ID TAG...: tags added to an event.
func newTagCmd(c *cli) *cobra.Command {
	return newRetagCmd(c, true, "tag ID TAG...", "Add tags to an event")
}

// newUntagCmd is chrono untag ID TAG...: tags taken from an event.
func newUntagCmd(c *cli) *cobra.Command {
	return newRetagCmd(c, false, "untag ID TAG...", "Remove tags from an event")
}

// newRetagCmd is tag and untag, which differ only in direction.
func newRetagCmd(c *cli, add bool, use, short string) *cobra.Command {
	opts := &tagOptions{cli: c, add: add}
	return &cobra.Command{
		Use:   use,
		Short: short,
		Args:  minArgs(2, "an event ID and at least one TAG"),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.id, opts.tags = args[0], args[1:]
			return runTag(opts)
		},
	}
}

// runTag adds or removes the tags, refusing a bad tag before the store is
// opened and a missing one before anything is written.
func runTag(opts *tagOptions) error {
	id, tags := opts.id, opts.tags
	for i, t := range tags {
		tags[i] = strings.TrimPrefix(t, "#")
		if msg := model.CheckTag(tags[i]); msg != "" {
			return usagef("%s", msg)
		}
	}
	s, err := opts.openStore(false)
	if err != nil {
		return err
	}
	defer s.Close()
	e, err := s.Event(id)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no event %q; chrono list shows the ids", id)
	}
	if err != nil {
		return err
	}
	var changes []store.Change
	if opts.add {
		changes, err = s.Retag([]string{id}, tags, nil)
	} else {
		if err := hasTags(e, tags); err != nil {
			return err
		}
		changes, err = s.Retag([]string{id}, nil, tags)
	}
	if err != nil {
		return err
	}
	switch {
	case len(changes) == 0:
		fmt.Fprintf(opts.stdout, "%s already has %s\n", id, listing.Tags(tags))
	case opts.add:
		fmt.Fprintf(opts.stdout, "tagged %s with %s\n", id, listing.Tags(tags))
	default:
		fmt.Fprintf(opts.stdout, "removed %s from %s\n", listing.Tags(tags), id)
	}
	return nil
}

// hasTags says which tag e lacks, if any: untagging what is not there is
// more likely a typo than a wish.
func hasTags(e model.Event, tags []string) error {
	for _, t := range tags {
		if !e.HasTag(t) {
			return fmt.Errorf("event %s has no tag #%s (its tags: %s)", e.ID, t, orNone(listing.Tags(e.Tags)))
		}
	}
	return nil
}

// orNone is s, or "none" when there is nothing to say.
func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
