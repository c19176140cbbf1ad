package main

import (
	"fmt"
	"strings"

	"chrono/model"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// textArgs is the annotation of a command whose flags and arguments are
// text it keeps (chrono add, note, tag): text that is not UTF-8 is
// refused before the store is opened, or made, and nothing is written.
const textArgs = "chrono.text-args"

// takesText annotates cmd as keeping the text of its flags and
// arguments.
func takesText(cmd *cobra.Command) *cobra.Command {
	if cmd.Annotations == nil {
		cmd.Annotations = map[string]string{}
	}
	cmd.Annotations[textArgs] = "yes"
	return cmd
}

// textNotUTF8 refuses, for a command that keeps its text, the first flag
// or argument that is not UTF-8, naming it as it was given (--title,
// --actor #2, --set summary, TEXT) and the byte, and saying how to
// convert it: a terminal in Latin-1 sends such bytes.
func textNotUTF8(cmd *cobra.Command, args []string) error {
	if _, ok := cmd.Annotations[textArgs]; !ok {
		return nil
	}
	var refused error
	cmd.Flags().Visit(func(f *pflag.Flag) {
		// --db is a path, which a file system may hold in any bytes.
		if refused != nil || f.Name == "db" {
			return
		}
		var values []string
		switch f.Value.Type() {
		case "string":
			values = []string{f.Value.String()}
		case "stringArray":
			values, _ = cmd.Flags().GetStringArray(f.Name)
		default:
			return
		}
		for i, v := range values {
			name := "--" + f.Name
			if f.Name == "set" {
				// --set FIELD=VALUE: the field it sets, when that is text.
				if field, value, ok := strings.Cut(v, "="); ok && model.TextNotUTF8("", field) == "" {
					name, v = name+" "+field, value
				}
			} else if len(values) > 1 {
				name += fmt.Sprintf(" #%d", i+1)
			}
			if m := model.TextNotUTF8(name, v); m != "" {
				refused = usageError{fmt.Errorf("%s", m)}
				return
			}
		}
	})
	if refused != nil {
		return refused
	}
	names := argNames(cmd.Use)
	for i, a := range args {
		name := fmt.Sprintf("argument %d", i+1)
		switch {
		case i < len(names):
			name = strings.TrimSuffix(names[i], "...")
		case len(names) > 0 && strings.HasSuffix(names[len(names)-1], "..."):
			name = strings.TrimSuffix(names[len(names)-1], "...")
		}
		if m := model.TextNotUTF8(name, a); m != "" {
			return usagef("%s", m)
		}
	}
	return nil
}

// argNames are the names a command's usage line gives its arguments:
// "note ID TEXT" names ID and TEXT, "tag ID TAG..." ID and TAG...; they
// end where its flags begin.
func argNames(use string) []string {
	var names []string
	for _, w := range strings.Fields(use)[1:] {
		if strings.HasPrefix(w, "-") || strings.HasPrefix(w, "[") {
			break
		}
		names = append(names, w)
	}
	return names
}
