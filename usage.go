package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
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

// exactArgs wants n arguments, and says what they are when they are not.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef("%s needs %s", cmd.Name(), what)
		}
		return nil
	}
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
