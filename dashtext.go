package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// dashedText rewrites the flag parser's error for an argument of text
// that starts with a dash (chrono tag e -1, chrono note e --later),
// which it reads as a flag the command does not have, to say that such
// text goes after --, which ends the flags. Any other error, or one of a
// command that takes no text as arguments, it returns as it is.
func dashedText(cmd *cobra.Command, err error) error {
	name := textArgName(cmd)
	if name == "" {
		return err
	}
	msg := err.Error()
	var arg string
	switch {
	case strings.HasPrefix(msg, "unknown shorthand flag: "):
		i := strings.LastIndex(msg, " in -")
		if i < 0 {
			return err
		}
		arg = msg[i+len(" in "):]
	case strings.HasPrefix(msg, "unknown flag: "):
		arg = strings.TrimPrefix(msg, "unknown flag: ")
	case strings.HasPrefix(msg, "bad flag syntax: "):
		arg = strings.TrimPrefix(msg, "bad flag syntax: ")
	default:
		return err
	}
	// No command to copy: the flags and arguments around it, which the
	// parser did not keep, would be lost from it.
	return fmt.Errorf("%s reads as a flag, which %s does not have; to have it read as %s, put -- before it: what follows -- is never read as a flag",
		shellArg(arg), cmd.Name(), name)
}

// textArgName is the name a command's usage line gives the text it
// takes as arguments (TEXT of note ID TEXT, TAG of tag ID TAG...), or ""
// for a command that takes none: IDs never start with a dash, and text
// given as a flag's value may (--title -1).
func textArgName(cmd *cobra.Command) string {
	if _, ok := cmd.Annotations[textArgs]; !ok {
		return ""
	}
	for _, n := range argNames(cmd.Use) {
		if n = strings.TrimSuffix(n, "..."); n != "ID" {
			return n
		}
	}
	return ""
}
