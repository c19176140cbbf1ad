package main

import (
	"errors"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
)

// numberArg is the annotation of a command whose argument is a number
// counted from 1 (chrono revert N): its value says what the number is,
// for the error a wrong one gets.
const numberArg = "chrono.number-arg"

// countedFrom1 annotates cmd as taking a number counted from 1, which
// what names ("the number of a change (see chrono log)").
func countedFrom1(cmd *cobra.Command, what string) *cobra.Command {
	if cmd.Annotations == nil {
		cmd.Annotations = map[string]string{}
	}
	cmd.Annotations[numberArg] = what
	return cmd
}

// notCountedFrom1 is the usage error of arg given to cmd where a number
// counted from 1 is wanted: it says what the number is.
func notCountedFrom1(cmd *cobra.Command, arg string) error {
	name := strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ") // quote rm
	return usagef("%s takes %s, 1 or more; %q is not one", name, cmd.Annotations[numberArg], arg)
}

// idArg is the annotation of a command whose arguments are IDs (chrono
// show ID): its value says what they are, for the error a negative number
// given as one gets.
const idArg = "chrono.id-arg"

// takesIDs annotates cmd as taking the IDs what names ("the ID of an
// event (see chrono list)").
func takesIDs(cmd *cobra.Command, what string) *cobra.Command {
	if cmd.Annotations == nil {
		cmd.Annotations = map[string]string{}
	}
	cmd.Annotations[idArg] = what
	return cmd
}

// negativeNumber rewrites the flag parser's error for a negative number
// given as an argument (chrono revert -1, chrono show -1), which it reads
// as an unknown flag ("unknown shorthand flag: '1' in -1"), to say what
// the command takes: a number counted from 1, IDs, which never start with
// "-", or no arguments at all. Any other error it returns as it is.
func negativeNumber(cmd *cobra.Command, err error) error {
	msg := err.Error()
	i := strings.LastIndex(msg, " in -")
	if !strings.HasPrefix(msg, "unknown shorthand flag: ") || i < 0 {
		return err
	}
	arg := msg[i+len(" in "):]
	if _, perr := strconv.ParseInt(arg, 10, 64); perr != nil && !errors.Is(perr, strconv.ErrRange) {
		return err
	}
	if _, ok := cmd.Annotations[numberArg]; ok {
		return notCountedFrom1(cmd, arg)
	}
	if what, ok := cmd.Annotations[idArg]; ok {
		name := strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ") // source rm
		return usagef("%s takes %s; %q is not an ID: IDs start with a letter or digit", name, what, arg)
	}
	// A command that takes no arguments says so of this one too; chrono
	// itself reads it as no command.
	if cmd.HasParent() && cmd.Args != nil && cmd.Args(cmd, nil) == nil {
		if aerr := cmd.Args(cmd, []string{arg}); aerr != nil {
			var u usageError
			if errors.As(aerr, &u) {
				return u.error
			}
			return aerr
		}
	}
	return err
}
