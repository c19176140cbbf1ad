package main

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"chrono/model/wordwrap"

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

// helpWidth is the width chrono's help is laid out in: a terminal of
// the usual size shows it without the terminal's own wrapping, which
// breaks words and loses the flags' columns.
const helpWidth = 80

// writeUsage writes cmd's usage (its use line, commands and flags) as
// cobra does, wrapped to helpWidth: a long line continues indented under
// its own column, so that the names still stand out on the left.
func writeUsage(cmd *cobra.Command) error {
	var b strings.Builder
	b.WriteString("Usage:")
	if cmd.Runnable() {
		b.WriteString("\n" + hanging(cmd.UseLine(), "  ", "      "))
	}
	if cmd.HasAvailableSubCommands() {
		b.WriteString("\n  " + cmd.CommandPath() + " [command]")
	}
	if len(cmd.Aliases) > 0 {
		b.WriteString("\n\nAliases:\n  " + cmd.NameAndAliases())
	}
	if cmd.HasExample() {
		b.WriteString("\n\nExamples:\n" + cmd.Example)
	}
	if cmd.HasAvailableSubCommands() {
		b.WriteString("\n\nAvailable Commands:")
		for _, sub := range cmd.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				name := fmt.Sprintf("%-*s ", sub.NamePadding(), sub.Name())
				b.WriteString("\n" + hanging(sub.Short, "  "+name, strings.Repeat(" ", 2+len(name))))
			}
		}
	}
	if cmd.HasAvailableLocalFlags() {
		b.WriteString("\n\nFlags:\n" + strings.TrimRight(cmd.LocalFlags().FlagUsagesWrapped(helpWidth), " \n"))
	}
	if cmd.HasAvailableInheritedFlags() {
		b.WriteString("\n\nGlobal Flags:\n" + strings.TrimRight(cmd.InheritedFlags().FlagUsagesWrapped(helpWidth), " \n"))
	}
	if cmd.HasAvailableSubCommands() {
		fmt.Fprintf(&b, "\n\nUse %q for more information about a command.", cmd.CommandPath()+" [command] --help")
	}
	b.WriteString("\n")
	_, err := io.WriteString(cmd.OutOrStderr(), b.String())
	return err
}

// hanging lays s out in lines of at most helpWidth columns, the first
// after first and the others after rest, which is as wide or wider.
func hanging(s, first, rest string) string {
	lines := wordwrap.Lines(s, helpWidth-len(rest), utf8.RuneCountInString, cutRunes)
	for i := range lines {
		if i == 0 {
			lines[i] = first + lines[i]
		} else {
			lines[i] = rest + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

// cutRunes cuts a word longer than a line into lines of n runes.
func cutRunes(w string, n int) string {
	var b strings.Builder
	for i, r := range []rune(w) {
		if i > 0 && i%n == 0 {
			b.WriteByte('\n')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// writeHelp writes cmd's --help as cobra does, its description wrapped
// to helpWidth as its usage is (writeUsage): cobra's own commands'
// descriptions (completion's) are not.
func writeHelp(cmd *cobra.Command, _ []string) {
	text := cmd.Long
	if text == "" {
		text = cmd.Short
	}
	var b strings.Builder
	if text = strings.TrimRightFunc(text, unicode.IsSpace); text != "" {
		b.WriteString(hanging(text, "", "") + "\n\n")
	}
	if cmd.Runnable() || cmd.HasSubCommands() {
		b.WriteString(cmd.UsageString())
	}
	io.WriteString(cmd.OutOrStdout(), b.String())
}
