package main

import (
	"fmt"

	"chrono/model"
	"chrono/model/listing"

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
	return takesText(&cobra.Command{
		Use:   use,
		Short: short,
		Args:  minArgs(2, "an event ID and at least one TAG"),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.id, opts.tags = args[0], args[1:]
			return runTag(opts)
		},
	})
}

// runTag adds or removes the tags, refusing a bad tag before the store is
// opened and a missing one before anything is written.
func runTag(opts *tagOptions) error {
	tags, err := cleanTags(opts.tags, opts.add)
	if err != nil {
		return err
	}
	return opts.withStore(false, func(s model.Store) error { return opts.retag(s, tags) })
}

// retag adds or removes the tags of the event in s.
func (o *tagOptions) retag(s model.Store, tags []string) error {
	e, err := s.Event(o.id)
	if err != nil {
		return err
	}
	// A tag typed in another case is the event's own, as list --tag
	// finds it: "été" removes #Été, and adding it again adds nothing.
	tags = model.UniqueInAnyCase(model.SpeltAs(tags, e.Tags))
	edit := model.Retag{Events: []string{o.id}, Add: tags}
	if !o.add {
		if err := hasTags(e, tags); err != nil {
			return err
		}
		edit = model.Retag{Events: []string{o.id}, Remove: tags}
	}
	changes, _, err := edit.Apply(s)
	if err != nil {
		return err
	}
	o.report(tags, e, len(changes) > 0)
	return nil
}

// cleanTags is the tags without the # a person may type before them,
// each checked as the store would check it when they are to be added: a
// tag to remove is the event's, which a store made before a rule may
// hold against it (a control of the direction of text).
func cleanTags(tags []string, adding bool) ([]string, error) {
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = model.TagTyped(t)
		if out[i] == "" {
			return nil, emptyTag(adding)
		}
		if msg := model.CheckTag(out[i]); msg != "" && adding {
			return nil, usagef("%s", msg)
		}
	}
	return out, nil
}

// emptyTag is the error of a tag given as an empty argument or a lone
// #: what a tag is, and, as an empty one may have been meant to take
// tags away, how to remove one. "tag: empty" said neither.
func emptyTag(adding bool) error {
	if !adding {
		return usagef("tag: empty: name a tag the event has, as chrono show ID lists them")
	}
	return usagef("tag: empty: a tag is a word or phrase an event is filed under (ss7, cash-offer), which chrono list --tag finds; to remove a tag from an event, run chrono untag ID TAG")
}

// report says what changed; a tag already there is no error, as running
// the same command twice should not fail.
func (o *tagOptions) report(tags []string, before model.Event, changed bool) {
	switch {
	case !changed:
		fmt.Fprintf(o.stdout, "%s already has %s\n", o.id, listing.Tags(tags))
	case o.add:
		// Only what was added: a tag it had is said apart.
		var added, had []string
		for _, t := range tags {
			if before.HasTag(t) {
				had = append(had, t)
			} else {
				added = append(added, t)
			}
		}
		fmt.Fprintf(o.stdout, "tagged %s with %s", o.id, listing.Tags(added))
		if len(had) > 0 {
			fmt.Fprintf(o.stdout, " (it had %s)", listing.Tags(had))
		}
		fmt.Fprintln(o.stdout)
	default:
		fmt.Fprintf(o.stdout, "removed %s from %s\n", listing.Tags(tags), o.id)
	}
}

// hasTags says which tag e lacks, if any: untagging what is not there is
// more likely a typo than a wish.
func hasTags(e model.Event, tags []string) error {
	for _, t := range tags {
		if !e.HasTag(t) {
			return fmt.Errorf("event %s has no tag %s (its tags: %s)", e.ID, model.Hashtag(t), orNone(listing.Tags(e.Tags)))
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
