package main

import (
	"slices"
	"strings"

	"chrono/model"
	"chrono/model/formats"
	"chrono/model/termtext"

	"github.com/spf13/cobra"
)

// Shell completion (chrono completion bash|zsh|fish, cobra's scripts)
// offers what the store holds: event ids, tags, actors, statuses, and the
// relations and formats chrono knows. A completion that cannot open the
// store offers nothing and never says why: the shell has no place for it.

// completeLimit is how many ids a completion offers at most; titles go
// with them up to completeTitled.
const (
	completeLimit  = 200
	completeTitled = 50
)

// argCompletion is what a command's arguments are, in order; the last
// repeats for commands that take many (rm ID...).
type argCompletion struct {
	kinds  []completionKind
	repeat bool
}

// completionKind is a kind of thing a completion offers.
type completionKind int

const (
	completeNothing completionKind = iota
	completeIDs
	completeTrashed
	completeTags
	completeEventTags // of the event named by the first argument
	completeRels
	completeSources
)

// argCompletions are how the commands' arguments complete, by their path
// under chrono; an empty one takes no arguments, and offers no files.
var argCompletions = map[string]argCompletion{
	"show":        {kinds: []completionKind{completeIDs}},
	"edit":        {kinds: []completionKind{completeIDs}},
	"note":        {kinds: []completionKind{completeIDs}},
	"log":         {kinds: []completionKind{completeIDs}},
	"quote add":   {kinds: []completionKind{completeIDs}},
	"quote rm":    {kinds: []completionKind{completeIDs}},
	"rm":          {kinds: []completionKind{completeIDs}, repeat: true},
	"restore":     {kinds: []completionKind{completeTrashed}, repeat: true},
	"tag":         {kinds: []completionKind{completeIDs, completeTags}, repeat: true},
	"untag":       {kinds: []completionKind{completeIDs, completeEventTags}, repeat: true},
	"link":        {kinds: []completionKind{completeIDs, completeRels, completeIDs}},
	"unlink":      {kinds: []completionKind{completeIDs, completeRels, completeIDs}},
	"source rm":   {kinds: []completionKind{completeSources}},
	"quote":       {},
	"source":      {},
	"trash":       {},
	"undo":        {},
	"revert":      {},
	"list":        {},
	"export":      {},
	"backup":      {},
	"check":       {},
	"synth":       {},
	"add":         {},
	"source add":  {},
	"source list": {},
}

// completeFromStore gives every command of root's tree its completions.
func completeFromStore(c *cli, root *cobra.Command) {
	var walk func(cmd *cobra.Command)
	walk = func(cmd *cobra.Command) {
		path := strings.TrimPrefix(strings.TrimPrefix(cmd.CommandPath(), root.Name()), " ")
		if ac, ok := argCompletions[path]; ok {
			cmd.ValidArgsFunction = c.argCompleter(ac)
		}
		c.flagCompleters(cmd, path)
		for _, sub := range cmd.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// argCompleter completes the arguments of a command as ac says.
func (c *cli) argCompleter(ac argCompletion) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		i := len(args)
		if i >= len(ac.kinds) {
			if !ac.repeat || len(ac.kinds) == 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			i = len(ac.kinds) - 1
		}
		return c.offer(cmd, ac.kinds[i], args, toComplete), cobra.ShellCompDirectiveNoFileComp
	}
}

// flagCompleters completes the flags of cmd that name what the store
// holds or chrono knows.
func (c *cli) flagCompleters(cmd *cobra.Command, path string) {
	fixed := func(names []string) cobra.CompletionFunc {
		return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return withPrefix(names, toComplete), cobra.ShellCompDirectiveNoFileComp
		}
	}
	fromStore := func(kind model.FacetKind) cobra.CompletionFunc {
		return func(cmd *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return c.offerFacets(cmd, kind, toComplete), cobra.ShellCompDirectiveNoFileComp
		}
	}
	register := func(flag string, fn cobra.CompletionFunc) {
		if cmd.LocalNonPersistentFlags().Lookup(flag) != nil {
			_ = cmd.RegisterFlagCompletionFunc(flag, fn) // only fails for a flag already given one
		}
	}
	register("tag", fromStore(model.FacetTags))
	register("actor", fromStore(model.FacetActors))
	// A source by its id, with its title: list --source, quote --source.
	register("source", func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return c.offer(cmd, completeSources, args, toComplete), cobra.ShellCompDirectiveNoFileComp
	})
	statuses := statusNames()
	if path == "list" || path == "export" {
		statuses = append(statuses, noStatus)
	}
	register("status", fixed(statuses))
	switch path {
	case "export":
		register("format", fixed(append(strings.Split(formats.Names(false), ", "), evidenceFormat)))
	case "import":
		register("format", fixed(append([]string{"auto"}, strings.Split(formats.Names(true), ", ")...)))
		register("prefer", fixed([]string{string(model.PreferFile), string(model.PreferChrono)}))
	}
}

// withPrefix is the names that begin with prefix.
func withPrefix(names []string, prefix string) []cobra.Completion {
	var out []cobra.Completion
	for _, n := range names {
		if strings.HasPrefix(n, prefix) {
			out = append(out, n)
		}
	}
	return out
}

// completionStore opens the store for a completion: the one --db names,
// which completion parses without running the hooks that note it.
func (c *cli) completionStore(cmd *cobra.Command) (model.Store, error) {
	c.dbGiven = cmd.Flags().Changed("db")
	c.rollbackSaid = true // a completion's stderr is no place to warn
	return c.openStore(true)
}

// offer is what the store holds of a kind that begins with toComplete.
func (c *cli) offer(cmd *cobra.Command, kind completionKind, args []string, toComplete string) []cobra.Completion {
	if kind == completeRels {
		return withPrefix(relList(), toComplete)
	}
	if kind == completeTags {
		return c.offerFacets(cmd, model.FacetTags, toComplete)
	}
	s, err := c.completionStore(cmd)
	if err != nil {
		return nil
	}
	defer s.Close()
	var out []cobra.Completion
	switch kind {
	case completeIDs:
		ids, err := s.IDs(toComplete, completeLimit)
		if err != nil {
			return nil
		}
		for _, id := range ids {
			out = append(out, titled(s, id, len(ids) <= completeTitled))
		}
	case completeTrashed:
		trashed, _ := s.Trash()
		for _, t := range trashed {
			if strings.HasPrefix(t.Event.ID, toComplete) {
				out = append(out, described(t.Event.ID, t.Event.Title))
			}
		}
	case completeEventTags:
		if e, err := s.Event(args[0]); err == nil {
			out = withPrefix(slices.DeleteFunc(e.Tags, func(t string) bool { return slices.Contains(args[1:], t) }), strings.TrimPrefix(toComplete, "#"))
		}
	case completeSources:
		sources, _ := s.Sources()
		for _, src := range sources {
			if strings.HasPrefix(src.ID, toComplete) {
				out = append(out, described(src.ID, src.Title))
			}
		}
	}
	return out
}

// offerFacets is the tags or actors the store holds that begin with
// toComplete in any case (a tag's # left out), most used first, each
// with how many events have it.
func (c *cli) offerFacets(cmd *cobra.Command, kind model.FacetKind, toComplete string) []cobra.Completion {
	s, err := c.completionStore(cmd)
	if err != nil {
		return nil
	}
	defer s.Close()
	facets, err := s.Facets(kind)
	if err != nil {
		return nil
	}
	prefix := strings.ToLower(toComplete)
	if kind == model.FacetTags {
		prefix = strings.TrimPrefix(prefix, "#")
	}
	var out []cobra.Completion
	for _, f := range facets {
		if f.Count == 0 || !strings.HasPrefix(strings.ToLower(f.Name), prefix) || termtext.Line(f.Name) != f.Name || strings.ContainsAny(f.Name, "\t\n") {
			continue // a name the shell could not be given as it is
		}
		out = append(out, cobra.CompletionWithDesc(f.Name, events(f.Count)))
	}
	return out
}

// titled is an id with its event's title as the description, when asked
// for and the event can be read.
func titled(s model.Store, id string, withTitle bool) cobra.Completion {
	if !withTitle {
		return id
	}
	e, err := s.Event(id)
	if err != nil {
		return id
	}
	return described(id, e.Title)
}

// described is a completion with a description the shell can show: on
// one line, safe for the terminal, and short.
func described(value, desc string) cobra.Completion {
	desc = strings.ReplaceAll(termtext.Line(desc), "\t", " ")
	if r := []rune(desc); len(r) > 60 {
		desc = string(r[:59]) + "…"
	}
	return cobra.CompletionWithDesc(value, desc)
}
