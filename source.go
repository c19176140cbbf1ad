package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"chrono/model"
	"chrono/model/columns"
	"chrono/model/termtext"
	"chrono/model/wordwrap"

	"github.com/spf13/cobra"
)

// newSourceCmd is chrono source, with its subcommands.
func newSourceCmd(c *cli) *cobra.Command {
	cmd := &cobra.Command{Use: "source", Short: "List, add, edit and remove the investigation's sources", Args: noArgs}
	cmd.AddCommand(newSourceListCmd(c), newSourceAddCmd(c, false), newSourceAddCmd(c, true), newSourceRmCmd(c),
		newSourceAttachCmd(c), newSourceShowCmd(c), newSourceTextCmd(c))
	return cmd
}

// sourceFlags are a source's fields as flags.
type sourceFlags struct {
	s         model.Source
	published string
}

func (f *sourceFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.s.Publisher, "publisher", "", "who published it (The Washington Post)")
	// Not --author, which says who a change is attributed to, here as
	// for every command.
	fl.StringVar(&f.s.Author, "byline", "", "who wrote it (the source's author)")
	fl.StringVar(&f.s.Title, "title", "", "its title")
	fl.StringVar(&f.s.URL, "url", "", "where it is")
	fl.StringVar(&f.s.Archive, "archive", "", "an archived copy of it (a Wayback Machine or archive.today link)")
	fl.StringVar(&f.published, "published", "", "when it was published (EDTF or as chrono shows dates)")
}

// sourceFieldFlags are the flags of a source's fields, in the order its
// help lists them.
var sourceFieldFlags = []string{"publisher", "byline", "title", "url", "archive", "published"}

// none reports whether no flag of a field was given; then it says which
// flags there are, for source edit to ask for one.
func (f *sourceFlags) none(cmd *cobra.Command) (bool, string) {
	var names []string
	for _, name := range sourceFieldFlags {
		if cmd.Flags().Changed(name) {
			return false, ""
		}
		names = append(names, "--"+name)
	}
	return true, strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// apply sets the given flags' fields on s.
func (f *sourceFlags) apply(cmd *cobra.Command, s *model.Source) error {
	ch := cmd.Flags().Changed
	if ch("publisher") {
		s.Publisher = f.s.Publisher
	}
	if ch("byline") {
		s.Author = f.s.Author
	}
	if ch("title") {
		s.Title = f.s.Title
	}
	if ch("url") {
		s.URL = f.s.URL
	}
	if ch("archive") {
		s.Archive = f.s.Archive
	}
	if ch("published") {
		d, err := model.ReadDate(f.published)
		if err != nil {
			return usagef("--published: %v", err)
		}
		s.Published = d
	}
	return nil
}

// newSourceAddCmd is chrono source add, or chrono source edit ID.
func newSourceAddCmd(c *cli, edit bool) *cobra.Command {
	var f sourceFlags
	var id string
	cmd := &cobra.Command{
		Use:   "add [--id ID] --publisher P --title T ...",
		Short: "Add a source; prints its id",
		Args:  noArgs,
	}
	if edit {
		cmd.Use, cmd.Short, cmd.Args = "edit ID --title T ...", "Change a source's fields", exactArgs(1, "the source's ID (chrono source list)")
	}
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if edit {
			id = args[0]
		}
		if m := model.CheckID(id); id != "" && m != "" {
			// No source could have it, whatever the store holds.
			return usagef("source %q: %s", id, m)
		}
		if none, names := f.none(cmd); edit && none {
			// Else it would say only that nothing changed.
			return usagef("source edit %s needs the fields to change, as flags: %s (chrono source show %s shows them)", id, names, shellArg(id))
		} else if none && id == "" {
			// Else the store refuses a source of nothing, naming its
			// fields, not the flags that give them.
			return usagef("source add needs what the source is, as flags: %s; --id chooses its id", names)
		}
		var out model.Source
		// Journaled as the browser's sources screen does, naming the
		// source by its id, made or given.
		phrase := model.SaveSource{Source: model.Source{ID: id}}.Phrase()
		if edit {
			phrase = model.SaveSource{Base: &model.Source{ID: id}, Source: model.Source{ID: id}}.Phrase()
		}
		e, err := c.write(model.OpSource, phrase, func(tx model.Tx) error {
			if !edit {
				s := model.Source{ID: id}
				if err := f.apply(cmd, &s); err != nil {
					return err
				}
				var err error
				if out, err = model.AddSource(tx, s); err == nil && id == "" {
					tx.Rephrase(model.SaveSource{Source: out}.Phrase())
				}
				return err
			}
			s, err := tx.Source(id)
			if err != nil {
				return err
			}
			if err := f.apply(cmd, &s); err != nil {
				return err
			}
			out = s
			return model.EditSource(tx, s)
		})
		if err != nil {
			return err
		}
		if edit {
			fmt.Fprintln(c.stdout, entryLine(e))
		} else {
			fmt.Fprintln(c.stdout, out.ID)
		}
		return nil
	}
	if !edit {
		cmd.Flags().StringVar(&id, "id", "", "the source's id (default: made from its publisher and title)")
	}
	f.register(cmd)
	return takesText(cmd)
}

// newSourceListCmd is chrono source list.
func newSourceListCmd(c *cli) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the sources, with how many events cite each",
		Args:  noArgs,
		RunE: func(*cobra.Command, []string) error {
			return c.withStore(true, func(s model.Store) error {
				sources, err := s.Sources()
				if err != nil {
					return err
				}
				if len(sources) == 0 {
					// As list says it of events: on stderr, the lines
					// staying the sources alone.
					c.tell("no sources in this investigation; add one with chrono source add --publisher P --title T")
					return nil
				}
				// The events citing each, in a quote or as the source of a
				// date's words: the number the browser's sources screen
				// and its filter show, and that rm refuses by; the store
				// keeps it, so a million events are not read for it.
				facets, err := s.Facets(model.FacetSources)
				if err != nil {
					return err
				}
				cites := map[string]int{}
				for _, f := range facets {
					cites[f.Name] = f.Count
				}
				rows := make([][]string, len(sources))
				for i, src := range sources {
					pub := ""
					if !src.Published.IsZero() {
						pub = src.Published.Label()
					}
					rows[i] = []string{src.ID, termtext.Line(src.Publisher), termtext.Line(src.Title), pub, citingEvents(cites[src.ID]), termtext.Line(src.URL)}
				}
				if width := c.terminalWidth(); width > 0 {
					return c.printSources(rows, width)
				}
				w := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
				for _, r := range rows {
					fmt.Fprintln(w, strings.Join(r, "\t"))
				}
				return w.Flush()
			})
		},
	}
}

// printSources prints the rows of chrono source list to a terminal of
// width columns, where a whole row is often wider: the publisher, title
// and URL give way to its width, the id, date and count kept whole. When
// that would leave them too few columns to say anything (an 80-column
// terminal), each source is a heading of its id, publisher, date and
// count, with its title and URL wrapped under it, as chrono log's
// entries are. To a pipe each line is whole.
func (c *cli) printSources(rows [][]string, width int) error {
	if n := columns.Shortened(rows, sourceColumns, width); n == 0 || n >= sourceCellLeast {
		for _, l := range columns.Lay(rows, sourceColumns, width) {
			if _, err := fmt.Fprintln(c.stdout, l); err != nil {
				return err
			}
		}
		return nil
	}
	idWidth := 0
	for _, r := range rows {
		idWidth = max(idWidth, len(r[0])) // ids are ASCII
	}
	hang := idWidth + columns.Gap
	if hang > width/2 {
		hang = 4 // the heading goes on under its id
	}
	var b strings.Builder
	for _, r := range rows {
		var heading []string
		for _, cell := range []string{r[1], r[3], r[4]} {
			if cell != "" {
				heading = append(heading, wordwrap.Keep(cell))
			}
		}
		lead := fmt.Sprintf("%-*s", hang, r[0])
		if len(r[0]) >= hang {
			b.WriteString(r[0] + "\n")
			lead = strings.Repeat(" ", hang)
		}
		for _, text := range []string{strings.Join(heading, " · "), r[2], r[5]} {
			if text == "" {
				continue
			}
			for _, l := range strings.Split(wrapped(text, width-hang), "\n") {
				b.WriteString(lead + l + "\n")
				lead = strings.Repeat(" ", hang)
			}
		}
	}
	_, err := io.WriteString(c.stdout, b.String())
	return err
}

// sourceCellLeast is the fewest columns chrono source list shortens a
// publisher, title or URL to in its table at a terminal: fewer, and it
// lists each source on lines of its own.
const sourceCellLeast = 20

// sourceColumns are chrono source list's: id, publisher, title,
// publication date, citing events and URL.
var sourceColumns = []columns.Column{{}, {Shrinks: true}, {Shrinks: true}, {}, {}, {Shrinks: true}}

// newSourceRmCmd is chrono source rm ID.
func newSourceRmCmd(c *cli) *cobra.Command {
	return takesIDs(&cobra.Command{
		Use:   "rm ID",
		Short: "Remove a source no quote cites",
		Args:  exactArgs(1, "the source's ID (chrono source list)"),
		RunE: func(_ *cobra.Command, args []string) error {
			return c.change(model.OpSource, "removed source "+args[0], func(tx model.Tx) error {
				return model.RemoveSource(tx, args[0])
			})
		},
	}, "the source's ID (chrono source list)")
}

// citingEvents says how many events cite a source: "1 event", "3
// events", and "not cited" for none.
func citingEvents(n int) string {
	switch n {
	case 0:
		return "not cited"
	case 1:
		return "cited by 1 event"
	}
	return fmt.Sprintf("cited by %d events", n)
}
