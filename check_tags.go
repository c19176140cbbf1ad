package main

import (
	"fmt"
	"slices"
	"strconv"

	"chrono/model"
	"chrono/model/termtext"
)

// checkTags lists the events whose tags an export of the store would not
// import back, as a store made before a rule may hold them: one tag
// written two ways (café as one letter and as e and an accent, which
// are one tag now), or a tag chrono now refuses (a control of the
// direction of text). It reads only the events that hold such a tag,
// found from the counts by tag.
func checkTags(opts *checkOptions, s model.Store) error {
	facets, err := s.Facets(model.FacetTags)
	if err != nil {
		return err
	}
	spellings := map[string][]string{} // by CaseKey
	var suspect []string
	for _, f := range facets {
		k := model.CaseKey(f.Name)
		spellings[k] = append(spellings[k], f.Name)
		if model.CheckTag(f.Name) != "" {
			suspect = append(suspect, f.Name)
		}
	}
	for _, names := range spellings {
		if len(names) > 1 {
			suspect = append(suspect, names...)
		}
	}
	found := 0
	if len(suspect) == 0 {
		fmt.Fprintln(opts.stdout, "tags: every tag is one an export imports back")
		return nil // a query of no tags would read every event
	}
	for e, err := range s.Events(model.Query{Tags: suspect}) {
		if err != nil {
			return err
		}
		for i, t := range e.Tags {
			fix := ""
			if msg := model.CheckTag(t); msg != "" {
				fix = msg
			} else if j := slices.IndexFunc(e.Tags[:i], func(u string) bool { return model.SameInAnyCase(u, t) }); j >= 0 {
				// Quoted in ASCII: the two read the same on screen.
				fix = fmt.Sprintf("tag %s is %s written otherwise, one tag", strconv.QuoteToASCII(t), strconv.QuoteToASCII(e.Tags[j]))
			}
			if fix != "" {
				found++
				fmt.Fprintf(opts.stdout, "tags: event %q: %s: remove it with chrono untag %s %s\n", termtext.Line(e.ID), termtext.Line(fix), termtext.Line(e.ID), shellArg(t))
			}
		}
	}
	if found == 0 {
		fmt.Fprintln(opts.stdout, "tags: every tag is one an export imports back")
		return nil
	}
	return fmt.Errorf("%s an export of this store would not import (listed above): remove each as its line says; nothing was changed", plural(found, "tag"))
}
