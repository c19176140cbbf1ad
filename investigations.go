package main

import (
	"fmt"
	"os"
	"strings"

	"chrono/model/termtext"
	"chrono/store"

	"github.com/spf13/cobra"
)

// investigationName is the investigation to open in a PostgreSQL
// database: --investigation, else $CHRONO_INVESTIGATION; empty for the
// store's default.
func (c *cli) investigationName() string {
	if c.investigation != "" {
		return c.investigation
	}
	return os.Getenv("CHRONO_INVESTIGATION")
}

// oneInvestigation refuses --investigation NAME, other than the default,
// for a store file, which holds one investigation: read and written as
// if it were NAME, it would take another investigation's events into
// its own. CHRONO_INVESTIGATION, set for a database, is let be.
func (c *cli) oneInvestigation(path string) error {
	if c.investigationGiven && strings.TrimSpace(c.investigation) == "" {
		// It went to the default investigation without a word, where an
		// empty --db is refused.
		return usagef("--investigation needs a name; leave it out for the %s investigation", store.DefaultInvestigation)
	}
	if c.investigation == "" || c.investigation == store.DefaultInvestigation || store.IsAddress(path) {
		return nil
	}
	return usagef("--investigation %s: %s is a store file, which holds one investigation; --investigation chooses one in a postgres:// database (a file of its own is an investigation of its own: chrono new FILE)", shellArg(c.investigation), termtext.Line(path))
}

// newInvestigationsCmd is chrono investigations: those a PostgreSQL
// database holds.
func newInvestigationsCmd(c *cli) *cobra.Command {
	return &cobra.Command{
		Use:   "investigations",
		Short: "List the investigations of a PostgreSQL database",
		Long: `Investigations lists the investigations the PostgreSQL database named by
--db (or CHRONO_DB, a postgres:// address) holds: name, events and title, a
line each. --investigation NAME (or CHRONO_INVESTIGATION) chooses one for
the other commands; the first import or chrono new into a name creates it.`,
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error {
			path, _, err := c.storePath()
			if err != nil {
				return err
			}
			list, err := store.Investigations(path)
			if err != nil {
				return err
			}
			if len(list) == 0 {
				// Said on stderr: a script reading the list reads none.
				arg, note := copyable(path)
				c.tell(fmt.Sprintf("no investigations in %s yet; start one with chrono new %s --investigation NAME, or import into it%s", termtext.Line(store.SafeLocation(path)), arg, note))
				return nil
			}
			for _, i := range list {
				fmt.Fprintf(c.stdout, "%s\t%s\t%s\n", termtext.Line(i.Name), plural(i.Events, "event"), termtext.Line(i.Title))
			}
			return nil
		},
	}
}
