package main

import (
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
	case cmd.HasParent():
		if f := cmd.Flags().Lookup("events"); f != nil && len(args) == 1 && isCount(args[0]) {
			// chrono synth 200000: the count, as the help names it.
			return usagef("%s takes no arguments, got %q: give the number of events with --%s %s", cmd.Name(), args[0], f.Name, args[0])
		}
		return usagef("%s takes no arguments, got %q", cmd.Name(), strings.Join(args, " "))
	}
	var names []string
	for _, sub := range cmd.Commands() {
		if sub.IsAvailableCommand() {
			names = append(names, sub.Name())
		}
	}
	if near := nearest(args[0], names); len(near) > 0 {
		return usagef("unknown command %q; did you mean %s?", args[0], strings.Join(near, " or "))
	}
	return usagef("unknown command %q", args[0])
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
