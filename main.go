// Command chrono is a terminal timeline browser for investigations.
//
// It keeps a chronology (events with uncertain dates, the claims' standing,
// verbatim quotes traced to their sources) in a bbolt store, and lets you
// browse it in the terminal, and import, list, show, tag and export it
// from the command line.
package main

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"

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

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// run is chrono with its arguments and streams; it returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "chrono: internal error: %s\nPlease report it, with the command that caused it.\n",
				termtext.Text(fmt.Sprint(r)))
			if os.Getenv("CHRONO_DEBUG") != "" {
				stderr.Write(debug.Stack())
			}
			code = exitFailure
		}
	}()
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr}
	if f, ok := stderr.(*os.File); ok {
		c.progressTo = f // tests' buffers get no progress lines
	}
	root := c.commands()
	if args == nil {
		args = []string{} // cobra reads os.Args when given nil
	}
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(stderr, "chrono: %s\n", termtext.Text(err.Error()))
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintln(stderr, "Run 'chrono --help' for usage.")
		return exitUsage
	}
	return exitFailure
}

// cli holds what every command needs.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	db             string
	quickTags      []string
	// progressTo is where long work reports its progress (stderr); nil
	// keeps quiet.
	progressTo io.Writer
}

func (c *cli) commands() *cobra.Command {
	root := &cobra.Command{
		Use:   "chrono",
		Short: "A terminal timeline browser for investigations",
		Long: `chrono keeps an investigation's chronology (events with uncertain dates,
the standing of each claim, verbatim quotes traced to their sources) and
lets you browse, tag, import and export it.

Run with no command to browse the investigation in the terminal (or, when
the output is not a terminal, to print it); an empty store is first seeded
with the example investigation.`,
		Args:          noArgs,
		SilenceErrors: true,
		SilenceUsage:  true,
		RunE:          c.open,
	}
	root.PersistentFlags().StringVar(&c.db, "db", "", "the store file (default $CHRONO_DB, else $XDG_DATA_HOME/chrono/chrono.db)")
	root.Flags().StringSliceVar(&c.quickTags, "quick-tags", tui.DefaultQuickTags, "the tags digits 1-9 toggle in the browser, in order")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(newImportCmd(c), newExportCmd(c), newListCmd(c), newShowCmd(c), newTagCmd(c), newUntagCmd(c), newBackupCmd(c), newSynthCmd(c))
	root.CompletionOptions.DisableDefaultCmd = true
	return root
}

// open is chrono with no command: the investigation, seeded when empty.
func (c *cli) open(cmd *cobra.Command, _ []string) error {
	s, err := c.openStore(false)
	if err != nil {
		return err
	}
	defer func() {
		if s != nil {
			s.Close()
		}
	}()
	var greeting string
	if n, err := s.Count(store.Query{}); err != nil {
		return err
	} else if n == 0 {
		res, err := s.ImportAll([]store.Input{nativeInput("timeline.example.json", bytes.NewReader(example))}, false)
		if err != nil {
			return fmt.Errorf("seeding the empty store: %w", err)
		}
		greeting = fmt.Sprintf("seeded the empty store %s with the example investigation (%s)", s.Path(), events(res[0].Events))
		fmt.Fprintln(c.stderr, greeting)
	}
	if !c.interactive() {
		// In a pipe or a script the investigation is printed instead.
		return c.printList(s, store.Query{})
	}
	// The browser opens the store for each thing it does, so that other
	// chrono commands can use it meanwhile.
	path := s.Path()
	err, s = s.Close(), nil
	if err != nil {
		return err
	}
	shared := store.NewShared(path, store.DefaultTimeout)
	defer shared.Close()
	return tui.Run(shared, tui.Options{QuickTags: c.quickTags, Greeting: termtext.Line(greeting)})
}

// nativeInput is a native JSON file to import.
func nativeInput(name string, r io.Reader) store.Input {
	return store.Input{Name: name, Read: func(sink model.Sink) error { return native.Read(r, sink) }}
}
