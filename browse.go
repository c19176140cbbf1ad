package main

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"

	"chrono/model"
	"chrono/model/native"
	"chrono/model/termtext"
	"chrono/store"
	"chrono/tui"

	"github.com/spf13/cobra"
)

// example is the investigation an empty store is seeded with.
//
//go:embed timeline.example.json
var example []byte

// browseOptions is what chrono with no command was asked for.
type browseOptions struct {
	*cli
	quickTags []string
}

// newBrowseCmd is chrono with no command, the browser; being what chrono
// does by itself, it is the root command, and describes chrono.
func newBrowseCmd(c *cli) *cobra.Command {
	opts := &browseOptions{cli: c}
	cmd := &cobra.Command{
		Use:   "chrono",
		Short: "A terminal timeline browser for investigations",
		Long: `chrono keeps an investigation's chronology (events with uncertain dates,
the standing of each claim, verbatim quotes traced to their sources) and
lets you browse, tag, import and export it.

Run with no command to browse the investigation in the terminal (or, when
the output is not a terminal, to print it); an empty store is first seeded
with the example investigation.`,
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error { return runBrowse(opts) },
	}
	cmd.Flags().StringSliceVar(&opts.quickTags, "quick-tags", tui.DefaultQuickTags, "the tags digits 1-9 toggle in the browser, in order")
	return cmd
}

// runBrowse opens the investigation in the browser, seeding an empty
// store first; in a pipe or a script it prints the listing instead.
func runBrowse(opts *browseOptions) error {
	s, err := opts.openStore(false)
	if err != nil {
		return err
	}
	defer func() {
		if s != nil {
			s.Close()
		}
	}()
	greeting, err := opts.seed(s)
	if err != nil {
		return err
	}
	if !opts.interactive() {
		return opts.printList(s, model.Query{})
	}
	// The browser opens the store for each thing it does, so that other
	// chrono commands can use it meanwhile.
	path := s.Location()
	err, s = s.Close(), nil
	if err != nil {
		return err
	}
	author, err := opts.author()
	if err != nil {
		return err
	}
	shared, err := store.Open(path, store.Options{Shared: true, Author: author})
	if err != nil {
		return err
	}
	defer shared.Close()
	return tui.Run(shared, tui.Options{QuickTags: opts.quickTags, Greeting: termtext.Line(greeting)})
}

// seed fills an empty store with the example investigation, so that a
// first run has something to show, and returns the line that says so on
// stderr, for the browser to repeat; "" when the store had events.
func (o *browseOptions) seed(s model.Store) (string, error) {
	n, err := s.Count(model.Query{})
	if err != nil || n > 0 {
		return "", err
	}
	res, err := s.Import([]model.Input{nativeInput("timeline.example.json", bytes.NewReader(example))}, model.ImportOptions{})
	if err != nil {
		return "", fmt.Errorf("seeding the empty store: %w", err)
	}
	greeting := fmt.Sprintf("seeded the empty store %s with the example investigation (%s)", s.Location(), events(res[0].Events))
	fmt.Fprintln(o.stderr, greeting)
	return greeting, nil
}

// nativeInput is a native JSON file to import.
func nativeInput(name string, r io.Reader) model.Input {
	return model.Input{Name: name, Read: func(sink model.Sink) error { return native.Read(r, sink) }}
}
