package main

import (
	"fmt"
	"strings"

	"chrono/model"

	"github.com/spf13/pflag"
)

// sayNoneListed says on stderr why a list printed no event: the
// investigation has none, and how to add or import some; or none matches
// the filter, named as it was given. Without it an empty store and a
// filter that matched nothing both look like a command that did nothing;
// on stderr, so that a script reading the lines reads none.
func (c *cli) sayNoneListed(s model.Reader, filter string) error {
	if filter != "" {
		all, err := s.Count(model.Query{})
		if err != nil {
			return err
		}
		if all > 0 {
			c.tell(fmt.Sprintf("no events match %s (the investigation has %s)", filter, plural(all, "event")))
			return nil
		}
	}
	trashed, err := s.Trash()
	if err != nil {
		return err
	}
	var inTrash string
	if len(trashed) > 0 {
		them := "them"
		if len(trashed) == 1 {
			them = "it"
		}
		inTrash = fmt.Sprintf(" (%s in the trash: chrono trash lists %s)", plural(len(trashed), "event"), them)
	}
	if c.overSSH() {
		// Served, the investigation is read here, not added to, and its
		// trash is not listed.
		if len(trashed) > 0 {
			inTrash = fmt.Sprintf(" (%s in the trash)", plural(len(trashed), "event"))
		}
		c.tell("no events in this investigation yet" + inTrash)
		return nil
	}
	c.tell("no events in this investigation" + inTrash + "; add one with chrono add --title TITLE, or import a file with chrono import FILE")
	return nil
}

// named is the filter the flags were given, as they would be typed again
// (--status confirmed --tag 'a b'), or "" when no flag filters.
func (f *queryFlags) named() string {
	if f.flags == nil {
		return ""
	}
	var words []string
	f.flags.Visit(func(fl *pflag.Flag) {
		var values []string
		switch fl.Name {
		case "tag", "status", "actor", "source", "linked":
			values, _ = f.flags.GetStringArray(fl.Name)
		case "during":
			values = []string{f.during}
		}
		for _, v := range values {
			words = append(words, "--"+fl.Name, shellArg(v))
		}
	})
	return strings.Join(words, " ")
}
