package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// dashedText rewrites the flag parser's error for an argument of text
// that starts with a dash (chrono tag e -1, chrono note e --later),
// which it reads as a flag the command does not have, to say that such
// text goes after --, which ends the flags; for a path (chrono import
// -x.json), that ./ before it does as well. Any other error, or one of a
// command that takes no text as arguments, it returns as it is.
func dashedText(cmd *cobra.Command, err error) error {
	name := textArgName(cmd)
	file := cmd.Annotations[fileArgs]
	if name == "" && file == "" {
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
	if name == "" {
		// A path has a spelling no parser takes for a flag.
		return fmt.Errorf("%s reads as a flag, which %s does not have; to have it read as %s, write it %s, or put -- before it: what follows -- is never read as a flag",
			shellArg(arg), cmd.Name(), file, shellArg("./"+arg))
	}
	return fmt.Errorf("%s reads as a flag, which %s does not have; to have it read as %s, put -- before it: what follows -- is never read as a flag",
		shellArg(arg), cmd.Name(), name)
}

// fileArgs is the annotation of a command that takes paths as
// arguments (chrono import FILE...): its value is the name the usage
// gives them.
const fileArgs = "chrono.file-args"

// takesFiles annotates cmd as taking paths named name as arguments.
func takesFiles(cmd *cobra.Command, name string) *cobra.Command {
	if cmd.Annotations == nil {
		cmd.Annotations = map[string]string{}
	}
	cmd.Annotations[fileArgs] = name
	return cmd
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
