package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"chrono/model"
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
		Use:   "new PATH",
		Short: "Start a new, empty investigation in a store file",
		Long: `Start a new, empty investigation in the store file PATH, which must not
exist. Then open it with chrono --db PATH, add events (chrono --db PATH add,
or A in the browser) or import a file (chrono --db PATH import FILE).`,
		Args: exactArgs(1, "the PATH of the new store file"),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.path = args[0]
			return runNew(opts)
		},
	}
	cmd.Flags().StringVar(&opts.title, "title", "", "the investigation's title (default: the file's name)")
	cmd.Flags().StringVar(&opts.description, "description", "", "what the investigation is about")
	return cmd
}

// runNew creates the store and writes its title, refusing a path that
// exists: a new investigation never goes into an old one.
func runNew(opts *newOptions) error {
	if _, err := os.Lstat(opts.path); err == nil {
		return fmt.Errorf("%s already exists; chrono new makes a new store (open this one with chrono --db %s)", opts.path, opts.path)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	title := strings.TrimSpace(opts.title)
	if title == "" {
		title = strings.TrimSuffix(filepath.Base(opts.path), filepath.Ext(opts.path))
	}
	author, err := opts.author()
	if err != nil {
		return err
	}
	s, err := store.Open(opts.path, store.Options{Author: author})
	if err != nil {
		return err
	}
	defer s.Close()
	_, err = s.Write(model.OpNew, "started "+title, func(tx model.Tx) error {
		return model.SetHeader(tx, model.Header{Title: title, Description: opts.description})
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.stdout, "created %s: %s\n", opts.path, title)
	fmt.Fprintf(opts.stderr, "open it with chrono --db %s; add events with A there, or chrono --db %s add --title ...\n", opts.path, opts.path)
	return nil
}
