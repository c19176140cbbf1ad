package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// usageError marks a mistake in how chrono was called (exit 2).
type usageError struct{ error }

// usagef is fmt.Errorf for a mistake in how chrono was called.
func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// noArgs refuses arguments, naming an unknown command when chrono itself
// was given one: cobra would otherwise take it for an argument.
func noArgs(cmd *cobra.Command, args []string) error {
	switch {
	case len(args) == 0:
		return nil
	case cmd.HasParent() && !groups(cmd):
		if f := cmd.Flags().Lookup("events"); f != nil && len(args) == 1 && isCount(args[0]) {
			// chrono synth 200000: the count, as the help names it.
			return usagef("%s takes no arguments, got %q: give the number of events with --%s %s", cmd.Name(), args[0], f.Name, args[0])
		}
		if f := cmd.Flags().Lookup("title"); f != nil && !f.Changed {
			// chrono add "Apple sues NSO Group": the title, as a user
			// of other tools' add commands would give it.
			return usagef("%s takes no arguments, got %q: give the title with --title %q", cmd.Name(), strings.Join(args, " "), strings.Join(args, " "))
		}
		return usagef("%s takes no arguments, got %q", cmd.Name(), strings.Join(args, " "))
	}
	var names []string
	for _, sub := range cmd.Commands() {
		if sub.IsAvailableCommand() {
			names = append(names, sub.Name())
		}
	}
	unknown := fmt.Sprintf("unknown command %q", args[0])
	if cmd.HasParent() {
		unknown += " for " + cmd.CommandPath()
	}
	if near := nearest(args[0], names); len(near) > 0 {
		return usagef("%s; did you mean %s?", unknown, strings.Join(near, " or "))
	}
	return usageError{errors.New(unknown)}
}

// needsCommand is the RunE of a command that groups others (quote,
// source): given none of them, it did nothing, which is a usage error as a
// missing argument is, so that a script whose subcommand came out empty
// does not take the exit for done. It names the commands it groups.
func needsCommand(cmd *cobra.Command, _ []string) error {
	var names []string
	for _, sub := range cmd.Commands() {
		if sub.IsAvailableCommand() {
			names = append(names, sub.Name())
		}
	}
	if n := len(names); n > 1 {
		names = append(names[:n-2], names[n-2]+" or "+names[n-1])
	}
	return usagef("%s needs a command: %s", cmd.Name(), strings.Join(names, ", "))
}

// groupCommands makes the commands of root that only group others (its
// own, and cobra's completion) refuse an unknown subcommand, as root does,
// or none, rather than show their help and exit 0, which a script takes
// for done; and cobra's help refuse an unknown topic so.
func groupCommands(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	root.InitDefaultHelpCmd()
	for _, cmd := range root.Commands() {
		switch {
		case cmd.Name() == "help":
			cmd.Run, cmd.RunE = nil, helpTopic
		case cmd.HasSubCommands() && !cmd.Runnable():
			cmd.Args, cmd.RunE = noArgs, needsCommand
		}
	}
}

// groups reports whether cmd only groups other commands (chrono quote):
// run alone, it names them (exit 2), and its usage names no way to run it.
func groups(cmd *cobra.Command) bool { return cmd.HasParent() && cmd.HasSubCommands() }

// helpTopic is chrono help [command] (cobra's, which completes the
// topics): a topic that is not a command is refused as an unknown command
// is, while what follows a command of no subcommands (chrono help show
// ID) is its arguments, as typed to it.
func helpTopic(cmd *cobra.Command, args []string) error {
	topic, rest, err := cmd.Root().Find(args)
	if err != nil {
		return usageError{err}
	}
	if len(rest) > 0 && (topic == cmd.Root() || topic.HasSubCommands()) {
		return noArgs(topic, rest)
	}
	return topic.Help()
}

// wholeNumber rewrites the error of a flag that wants a number given
// something else, which names Go's parser ("strconv.ParseInt: parsing
// "abc": invalid syntax"), in words.
func wholeNumber(err error) error {
	var ne *strconv.NumError
	if !errors.As(err, &ne) {
		return err
	}
	why := "not a whole number"
	switch {
	case errors.Is(ne.Err, strconv.ErrRange):
		why = "out of range"
	case ne.Func == "ParseUint":
		why = "not a whole number of 0 or more"
	}
	msg := err.Error()
	if i := strings.Index(msg, ne.Error()); i >= 0 {
		return errors.New(msg[:i] + why + msg[i+len(ne.Error()):])
	}
	return err
}

// exactArgs wants n arguments, and says what they are when they are not:
// too few are missing something, too many are more than it takes.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) > n && n == 0:
			return usagef("%s takes %s; got %q", cmd.Name(), what, strings.Join(args, " "))
		case len(args) > n:
			return usagef("%s takes %s, %s; got %d: %q", cmd.Name(), arguments(n), what, len(args), strings.Join(args, " "))
		case len(args) < n:
			return usagef("%s needs %s", cmd.Name(), what)
		}
		return nil
	}
}

// arguments counts arguments in words: "one argument", "2 arguments".
func arguments(n int) string {
	if n == 1 {
		return "one argument"
	}
	return fmt.Sprintf("%d arguments", n)
}

// minArgs wants n arguments or more, and says what they are when they are
// not.
func minArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return usagef("%s needs %s", cmd.Name(), what)
		}
		return nil
	}
}

// nameFlagsOnce keeps cobra from ending a usage line with "[flags]" when
// the line names the command's flags itself: "list [--tag T] [--json]".
// A command whose line leaves out one of its flags keeps the mark.
func nameFlagsOnce(cmd *cobra.Command) {
	named := true
	cmd.LocalNonPersistentFlags().VisitAll(func(f *pflag.Flag) {
		if !f.Hidden && f.Name != "help" && !strings.Contains(cmd.Use, "--"+f.Name) && (f.Shorthand == "" || !strings.Contains(cmd.Use, "-"+f.Shorthand+" ")) {
			named = false
		}
	})
	cmd.DisableFlagsInUseLine = named && strings.Contains(cmd.Use, "-")
	for _, sub := range cmd.Commands() {
		nameFlagsOnce(sub)
	}
}

// isCount reports whether s is a whole number, as a count is written.
func isCount(s string) bool {
	_, err := strconv.ParseUint(s, 10, 64)
	return err == nil
}
