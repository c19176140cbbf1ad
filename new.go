package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"chrono/model"
	"chrono/model/termtext"
	"chrono/store"

	"github.com/spf13/cobra"
)

// newOptions is what chrono new was asked for.
type newOptions struct {
	*cli
	path, title, description string
}

// newNewCmd is chrono new PATH: a new, empty investigation.
func newNewCmd(c *cli) *cobra.Command {
	opts := &newOptions{cli: c}
	cmd := &cobra.Command{
		Use:   "new PATH|ADDRESS",
		Short: "Start a new, empty investigation in a store file or a database",
		Long: `Start a new, empty investigation in the store file PATH, which must not
exist. Then open it with chrono --db PATH, add events (chrono --db PATH add,
or A in the browser) or import a file (chrono --db PATH import FILE).
Given a postgres:// ADDRESS, it starts the investigation --investigation
names (default: default) in that database, which must not hold one of
that name; its title is then the name unless --title gives one.`,
		Args: exactArgs(1, "the PATH of the new store file, or a postgres:// ADDRESS"),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.path = args[0]
			if err := notConnInfo("the PATH of chrono new", opts.path); err != nil {
				return err
			}
			return runNew(opts)
		},
	}
	cmd.Flags().StringVar(&opts.title, "title", "", "the investigation's title (default: the file's name, or the investigation's)")
	cmd.Flags().StringVar(&opts.description, "description", "", "what the investigation is about")
	return takesFiles(cmd, "PATH")
}

// runNew creates the store and writes its title, refusing one that
// exists: a new investigation never goes into an old one. In a database
// the store is the investigation --investigation names, and the address
// is shown without its password.
func runNew(opts *newOptions) error {
	if err := opts.oneInvestigation(opts.path); err != nil {
		return err
	}
	if strings.TrimSpace(opts.path) == "" {
		return usagef("chrono new needs where to keep the investigation: a store file's path, or a postgres:// address")
	}
	inDB := store.IsAddress(opts.path)
	if fi, err := os.Stat(opts.path); !inDB && err == nil && fi.IsDir() {
		return fmt.Errorf("%s is a directory; give the path of the store file to make, such as %s", opts.path, shellArg(filepath.Join(opts.path, "case.db")))
	}
	open, passNote := shellArg(opts.path), ""
	title := strings.TrimSpace(opts.title)
	if inDB {
		name := opts.investigationName()
		if name == "" {
			name = store.DefaultInvestigation
		}
		var addr string
		addr, passNote = copyable(opts.path)
		open = fmt.Sprintf("%s --investigation %s", addr, shellArg(name))
		if title == "" {
			title = name
		}
	} else if title == "" {
		title = strings.TrimSuffix(filepath.Base(opts.path), filepath.Ext(opts.path))
	}
	if title = strings.TrimSpace(title); title == "" {
		// Refused before anything is made, which would be left behind.
		return usagef("the investigation needs a title, which its name gives none of: give --title")
	}
	if m := (&model.Header{Title: title, Description: opts.description}).NotUTF8(); m != "" {
		return usagef("investigation: %s", m) // as the title missing, before the store is made
	}
	author, err := opts.author()
	if err != nil {
		return err
	}
	s, err := store.Open(opts.path, store.Options{Author: author, New: true, Investigation: opts.investigationName()})
	switch {
	case errors.Is(err, model.ErrExists) && inDB:
		return err
	case errors.Is(err, model.ErrExists):
		return fmt.Errorf("%s already exists; chrono new makes a new store (open this one with chrono --db %s)", opts.path, shellArg(opts.path))
	case err != nil:
		return err
	}
	defer s.Close()
	opts.madeStore(opts.path, opts.investigationName())
	_, err = s.Write(model.OpNew, "started "+title, func(tx model.Tx) error {
		return model.SetHeader(tx, model.Header{Title: title, Description: opts.description})
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.stdout, "created %s: %s\n", termtext.Line(s.Location()), termtext.Line(title))
	fmt.Fprintf(opts.stderr, "open it with chrono --db %s; add events with A there, or chrono --db %s add --title ...%s\n", termtext.Line(open), termtext.Line(open), passNote)
	return nil
}
