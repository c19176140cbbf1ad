package main

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

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
	tz        tzFlag
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
the output is not a terminal, to print it). The first run without --db or
CHRONO_DB creates the default store with the example investigation in it;
a store named with --db or CHRONO_DB that does not exist yet opens in the
browser as a new, empty investigation (printed to a pipe, chrono says
there is no store there). A store that cannot be written opens read-only.`,
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error { return runBrowse(opts) },
	}
	cmd.Flags().StringSliceVar(&opts.quickTags, "quick-tags", tui.DefaultQuickTags, "the tags digits 1-9 toggle in the browser, in order")
	opts.tz.register(cmd)
	return cmd
}

// runBrowse opens the investigation in the browser, seeding the default
// store with the example when it does not exist yet, and read-only when
// it cannot be written; in a pipe or a script it prints the listing
// instead, making no store but the default one.
func runBrowse(opts *browseOptions) error {
	quick, err := tui.QuickTags(opts.quickTags)
	if err != nil {
		return usagef("--quick-tags: %v", err)
	}
	opts.quickTags = quick
	zone, err := opts.tz.zone()
	if err != nil {
		return err
	}
	path, isDefault, err := opts.storePath()
	if err != nil {
		return err
	}
	_, statErr := os.Stat(path)
	fresh := isDefault && errors.Is(statErr, fs.ErrNotExist)
	var s model.Store
	var readOnly string
	// The browser says a lost last change on its status line, not on a
	// stderr it is about to cover.
	opts.rollbackSaid = opts.interactive()
	opts.onScreen = opts.interactive()
	if !isDefault && !opts.interactive() {
		// In a pipe, chrono --db PATH only lists, and says as list does
		// that a mistyped path holds no store.
		s, err = opts.openStore(true)
	} else if s, err = opts.createStore(); errors.Is(err, model.ErrReadOnly) {
		// A store that cannot be written (a backup on write-protected
		// media) is browsed read-only, and the browser says why it
		// cannot change it.
		readOnly = termtext.Line(err.Error())
		s, err = opts.openStore(true)
	} else if errors.Is(err, model.ErrInUse) && statErr == nil {
		// Another process writes (an import reading its files, say): the
		// browser only reads here, and once open it reads while others
		// write and waits its turn to write, so it need not wait to
		// start.
		s, err = opts.openStore(true)
	}
	if err != nil {
		return err
	}
	defer func() {
		if s != nil {
			s.Close()
		}
	}()
	var greeting string
	if fresh {
		if greeting, err = opts.seed(s); err != nil {
			return err
		}
	}
	if !opts.interactive() {
		opts.sayRollback(s)
		finish := opts.spoolStdout() // as list's (pipespool.go)
		err := opts.printList(s, model.Query{}, "", zone)
		s.Close()
		s = nil
		if ferr := finish(); err == nil {
			err = ferr
		}
		return err
	}
	warning := joinWarnings(opts.rollbackWarning(s), opts.seenWarning)
	// The browser opens the store for each thing it does, so that other
	// chrono commands can use it meanwhile.
	err, s = s.Close(), nil
	if err != nil {
		return err
	}
	shared, err := opts.open(store.Options{Shared: true, ReadOnly: readOnly != ""})
	if err != nil {
		return err
	}
	defer shared.Close()
	limitMemory()
	author, _ := opts.author() // a bad one was said as the store opened
	drafts := draftsFor(path, opts.investigationName(), author)
	return tui.Run(shared, tui.Options{QuickTags: opts.quickTags, Greeting: termtext.Line(greeting), Warning: warning, ReadOnly: readOnly, Zone: zone, Drafts: drafts, Commands: opts.keptCommands})
}

// seed fills the new default store with the example investigation, so
// that a first run has something to show, and returns the line that says
// so on stderr, for the browser to repeat. A store that holds any event,
// even in the trash, is left alone, and nothing is said: another chrono
// may have filled it between the browser finding no store and opening
// one, and the example must not be mixed into that investigation.
func (o *browseOptions) seed(s model.Store) (string, error) {
	if has, err := holdsEvents(s); err != nil || has {
		return "", err
	}
	res, err := s.Import([]model.Input{nativeInput("timeline.example.json", bytes.NewReader(example))}, model.ImportOptions{})
	if err != nil {
		return "", fmt.Errorf("seeding the new store with the example: %w", err)
	}
	greeting := fmt.Sprintf("created %s with the example investigation (%s); chrono new PATH starts your own", s.Location(), events(res[0].Events))
	fmt.Fprintln(o.stderr, greeting)
	return greeting, nil
}

// holdsEvents reports whether s holds an event, live or in the trash,
// asking for the events themselves rather than trusting a count.
func holdsEvents(s model.Store) (bool, error) {
	for _, err := range s.Events(model.Query{}) {
		return true, err
	}
	trash, err := s.Trash()
	return len(trash) > 0, err
}

// nativeInput is a native JSON file to import.
func nativeInput(name string, r io.Reader) model.Input {
	return model.Input{Name: name, Read: func(sink model.Sink) error { return native.Read(r, sink) }}
}
