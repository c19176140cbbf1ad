package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"chrono/model"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// queryFlags are the flags that choose events, declared here once so that
// every command that filters spells and checks them alike.
type queryFlags struct {
	tags, statuses, actors []string
	sources                []string
	during                 string
	linked                 []string
	// flags are the command's, to tell --during "" from no --during.
	flags *pflag.FlagSet
}

// queryFilter names the filter flags a command offers.
type queryFilter uint8

// The filter flags.
const (
	byTag queryFilter = 1 << iota
	byStatus
	byActor
	bySource
	byDuring
	byLinked
)

// noStatus is what --status calls the events not yet assessed.
const noStatus = "none"

// register adds the filter flags asked for to cmd.
func (f *queryFlags) register(cmd *cobra.Command, which queryFilter) {
	fs := cmd.Flags()
	f.flags = fs
	if which&byTag != 0 {
		fs.StringArrayVar(&f.tags, "tag", nil, "only events with this tag (any case; a leading # is dropped)")
	}
	if which&byStatus != 0 {
		fs.StringArrayVar(&f.statuses, "status", nil, "only events with this status (confirmed, reported, alleged, disputed, denied, or none: not assessed)")
	}
	if which&byActor != 0 {
		fs.StringArrayVar(&f.actors, "actor", nil, "only events involving this actor (any case)")
	}
	if which&bySource != 0 {
		fs.StringArrayVar(&f.sources, "source", nil, "only events citing this source id, in a quote or as their date's anchor (chrono source list)")
	}
	if which&byDuring != 0 {
		fs.StringVar(&f.during, "during", "", "only events whose dates overlap this EDTF date")
	}
	if which&byLinked != 0 {
		fs.StringArrayVar(&f.linked, "linked", nil, "only events with a link of this relation as they see it (disputed-by: another event disputes them; "+relNames()+")")
	}
}

// query is the filter the flags ask for; a status or date chrono cannot
// read is a usage error. Tags and actors are as typed until resolve
// finds how the store spells them.
func (f *queryFlags) query() (model.Query, error) {
	q := model.Query{Actors: f.actors, Sources: f.sources}
	for _, t := range f.tags {
		q.Tags = append(q.Tags, model.TagTyped(t))
	}
	for _, st := range f.statuses {
		status, err := parseStatusFlag(st)
		if err != nil {
			return q, usagef("--status: %v", err)
		}
		q.Statuses = append(q.Statuses, status)
	}
	for _, r := range f.linked {
		rel := model.Rel(strings.ToLower(r))
		if !rel.Valid() {
			return q, usagef("--linked: relation %q: not one of %s", r, relNames())
		}
		q.Linked = append(q.Linked, rel)
	}
	if strings.TrimSpace(f.during) == "" && f.flags != nil && f.flags.Changed("during") {
		// As --status "" is refused: an empty date selects nothing,
		// and taken for no filter it would list every event.
		return q, usagef("--during: empty: give a date (2017, Aug 2017, 2017-08/2021), or leave --during out")
	}
	if f.during != "" {
		d, err := model.ReadDuring(f.during)
		if err != nil {
			return q, usagef("--during: %v", err)
		}
		q.During = d
	}
	return q, nil
}

// parseStatusFlag reads a status in any case, or none for the events not
// yet assessed (no status): as list --status selects them, and edit and
// add set it.
func parseStatusFlag(s string) (model.Status, error) {
	if strings.EqualFold(strings.TrimSpace(s), noStatus) {
		return "", nil
	}
	st, err := model.ParseStatus(s)
	if err != nil {
		return "", errors.New(statusOrNone(err))
	}
	return st, nil
}

// statusOrNone is a status refused, naming "none" among the statuses a flag
// takes, unless it already suggests the one meant.
func statusOrNone(err error) string {
	if strings.Contains(err.Error(), "did you mean") {
		return err.Error()
	}
	return err.Error() + ", or none (not assessed)"
}

// statusWords lists statuses as --status takes them.
func statusWords(sts []model.Status) string {
	words := make([]string, len(sts))
	for i, st := range sts {
		words[i] = statusWord(st)
	}
	return strings.Join(words, ", ")
}

// statusWord is a status as --status takes it.
func statusWord(st model.Status) string {
	if st == "" {
		return noStatus
	}
	return string(st)
}

// resolve gives q's tags, actors and sources the spellings s holds,
// matching them in any case, and says on warn which tag, actor, source or
// status the store does not hold: a filter that quietly matches nothing looks like an empty
// answer. A name s lacks stays in q, so that q still selects nothing.
func resolve(s model.Reader, q model.Query, warn io.Writer) (model.Query, error) {
	var err error
	if q.Tags, err = resolveNames(s, model.FacetTags, "tag", q.Tags, warn); err != nil {
		return q, err
	}
	if q.Actors, err = resolveNames(s, model.FacetActors, "actor", q.Actors, warn); err != nil {
		return q, err
	}
	if q.Sources, err = resolveSources(s, q.Sources, warn); err != nil {
		return q, err
	}
	if len(q.Statuses) == 0 {
		return q, nil
	}
	facets, err := s.Facets(model.FacetStatuses)
	if err != nil {
		return q, err
	}
	var held []model.Status
	for _, st := range append(slices.Clone(model.Statuses), "") {
		if slices.ContainsFunc(facets, func(f model.Facet) bool { return f.Count > 0 && f.Name == string(st) }) {
			held = append(held, st)
		}
	}
	for _, st := range q.Statuses {
		switch {
		case slices.Contains(held, st):
		case len(held) == 0:
			fmt.Fprintf(warn, "no status %q in this investigation, which has no events\n", statusWord(st))
		default:
			fmt.Fprintf(warn, "no status %q in this investigation; statuses: %s\n", statusWord(st), statusWords(held))
		}
	}
	return q, nil
}

// resolveNames returns the names of a kind (tags, actors) s holds that
// equal one of given but for case, and each of given s holds in no case,
// saying so on warn with the names closest to it.
func resolveNames(s model.Reader, kind model.FacetKind, what string, given []string, warn io.Writer) ([]string, error) {
	if len(given) == 0 {
		return given, nil
	}
	facets, err := s.Facets(kind)
	if err != nil {
		return nil, err
	}
	var held []string
	for _, f := range facets {
		if f.Count > 0 {
			held = append(held, f.Name) // most frequent first
		}
	}
	return resolveIn(held, what, given, warn), nil
}

// resolveIn returns the names of held that equal one of given but for
// case, and each of given held has in no case, saying so on warn with the
// names closest to it.
func resolveIn(held []string, what string, given []string, warn io.Writer) []string {
	var out []string
	add := func(name string) {
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	for _, name := range given {
		found := false
		k := model.CaseKey(name)
		for _, h := range held {
			if model.CaseKey(h) == k {
				add(h)
				found = true
			}
		}
		if !found {
			add(name)
			fmt.Fprintf(warn, "no %s %q in this investigation%s\n", what, name, closestNames(what, name, held))
		}
	}
	return out
}
