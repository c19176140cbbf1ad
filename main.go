// Command chrono is a terminal timeline browser for investigations.
//
// It keeps a chronology (events with uncertain dates, the claims' standing,
// verbatim quotes traced to their sources) in a bbolt store, and lets you
// browse it in the terminal, and import, list, show, tag and export it
// from the command line.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"chrono/model/termtext"

	"github.com/spf13/cobra"
)

// main runs chrono on the process's arguments and streams.
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
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr}
	if f, ok := stderr.(*os.File); ok {
		c.progressTo = f // tests' buffers get no progress lines
		c.errWidth = fileWidth(f)
	}
	if f, ok := stdout.(*os.File); ok {
		c.outWidth = fileWidth(f)
	}
	return execute(c, newRootCmd(c), args)
}

// execute runs root on args, for c, and returns the exit code: the one
// place a command's error or panic becomes what the user reads.
func execute(c *cli, root *cobra.Command, args []string) (code int) {
	stdin, stdout, stderr := c.stdin, c.stdout, c.stderr
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
	if args == nil {
		args = []string{} // cobra reads os.Args when given nil
	}
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	groupCommands(root) // once the output is set: cobra's completion keeps it
	c.commands = root
	cmd, err := root.ExecuteC()
	c.noteSeen()
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(stderr, errorText(keepCommands(root, termtext.Text(err.Error())), c.errWidth))
	var ec exitCoder
	if errors.As(err, &ec) {
		return ec.ExitCode()
	}
	var ue usageError
	if errors.As(err, &ue) {
		path := cmd.CommandPath()
		if c.runAs != "" {
			path = c.runAs + strings.TrimPrefix(path, root.Name())
		}
		fmt.Fprintf(stderr, "Run '%s --help' for usage.\n", path)
		return exitUsage
	}
	return exitFailure
}

// exitCoder is an error with an exit code of its own, such as the
// 128+n of a browser a signal ended, as shells expect.
type exitCoder interface {
	error
	ExitCode() int
}

// cli holds what every command needs: the streams, the store's path and
// where progress goes. Each command's options embed it.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	db             string      // --db, shared by every command
	dbGiven        bool        // --db was given, if empty
	authorFlag     authorValue // --author, shared by every command
	acceptRollback bool        // --accept-rollback, shared by every command
	investigation  string      // --investigation, of a PostgreSQL database
	// progressTo is where long work reports its progress (stderr); nil
	// keeps quiet.
	progressTo io.Writer
	// errWidth is the width of the terminal stderr goes to, which an
	// error is wrapped to (errorText); 0 for a pipe or a file.
	errWidth int
	// commands is chrono's command line, whose commands what is said on
	// stderr keeps whole (keepCommands); set as it runs.
	commands *cobra.Command
	// outWidth is the width of the terminal stdout goes to, which what
	// chrono says there is wrapped to (terminalWidth); 0 for a pipe or a
	// file, whose lines are whole.
	outWidth int
	// runAs is how a command is run where chrono is not (over SSH,
	// "ssh HOST -- nso"), for the help a usage error names; "" for chrono.
	runAs string
	// rollbackSaid is set once the store's lost last change is said (or
	// left to what reports it in its own way), so that it is said once.
	rollbackSaid bool
	// seen are the stores the command opened, by seenKey, whose heads
	// are noted when it is done (seenheads.go); seenWarning is what the
	// last one opened lost of what this machine saw there, or "".
	seen        map[string]seenStore
	seenWarning string
	seenLost    string // how the last store opened lost what was seen, unaccepted
	// investigationGiven is set when --investigation was given, empty
	// or not.
	investigationGiven bool
	// afterBreak is set once a change was written after a break in the
	// journal's chain (and said): undo refuses it, so nothing offers it.
	afterBreak bool
	// walked is the walk of the journal's chain the command made before
	// its change, and the entry the change wrote (chainwarning.go).
	walked *chainWalk
	// onScreen: warnings are the browser's to show, not stderr's.
	onScreen bool
	// serving: the stores are served (chrono serve), and what is said of
	// them is read by the people connected too.
	serving bool
	warned  map[string]bool // the warnings said on stderr
}

// newRootCmd is chrono's command line: the browser when no command is
// given, every command under it, and the flags and errors they share.
func newRootCmd(c *cli) *cobra.Command {
	root := newBrowseCmd(c)
	root.SilenceErrors = true // run says them, with the exit code
	root.SilenceUsage = true
	root.PersistentFlags().StringVar(&c.db, "db", "", "the store file, or a postgres:// address (default $CHRONO_DB, else $XDG_DATA_HOME/chrono/chrono.db)")
	root.PersistentFlags().Var(&c.authorFlag, "author", "who your changes are attributed to (default $CHRONO_AUTHOR, else user@host)")
	root.PersistentFlags().BoolVar(&c.acceptRollback, "accept-rollback", false, "write to a store whose newest meta page is damaged, keeping it as it reads (without its last change); take as it is a store that lost journal entries this machine saw")
	root.PersistentFlags().StringVar(&c.investigation, "investigation", "", "the investigation in a postgres:// database (default $CHRONO_INVESTIGATION, else default)")
	root.SetFlagErrorFunc(flagError)
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		c.dbGiven, c.investigationGiven = cmd.Flags().Changed("db"), cmd.Flags().Changed("investigation")
		return textNotUTF8(cmd, args)
	}
	root.AddCommand(newNewCmd(c), newImportCmd(c), newExportCmd(c), newListCmd(c), newShowCmd(c),
		newAddCmd(c), newEditCmd(c), newRmCmd(c), newTrashCmd(c), newRestoreCmd(c),
		newTagCmd(c), newUntagCmd(c), newNoteCmd(c), newQuoteCmd(c), newSourceCmd(c), newLinkCmd(c, false), newLinkCmd(c, true),
		newLogCmd(c), newInvestigationsCmd(c), newUndoCmd(c), newRevertCmd(c), newBackupCmd(c), newCheckCmd(c), newVerifyCmd(c), newSynthCmd(c), newServeCmd(c))
	root.Version = version()
	root.SetVersionTemplate("chrono {{.Version}}\n")
	completeFromStore(c, root)
	nameFlagsOnce(root)
	root.SetUsageFunc(writeUsage)
	root.SetHelpFunc(writeHelp)
	return root
}

// flagError is what a command says of a flag it cannot parse: a usage
// mistake, worded for a number that is not whole, a negative number
// taken for a flag (negativeNumber), or text that starts with a dash
// (dashedText).
func flagError(cmd *cobra.Command, err error) error {
	return usageError{dashedText(cmd, negativeNumber(cmd, wholeNumber(err)))}
}
