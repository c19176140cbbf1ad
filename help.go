package main

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"chrono/model/wordwrap"

	"github.com/spf13/cobra"
)

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
	if cmd.Runnable() && !groups(cmd) {
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
// to helpWidth too: chrono's own are wrapped as written, cobra's
// (completion's) are not.
func writeHelp(cmd *cobra.Command, _ []string) {
	text := cmd.Long
	if text == "" {
		text = cmd.Short
	}
	var b strings.Builder
	if text = strings.TrimRightFunc(text, unicode.IsSpace); text != "" {
		b.WriteString(hanging(tabsAsIndents(text), "", "") + "\n\n")
	}
	if cmd.Runnable() || cmd.HasSubCommands() {
		b.WriteString(cmd.UsageString())
	}
	io.WriteString(cmd.OutOrStdout(), b.String())
}

// tabsAsIndents writes each tab of s as four spaces: cobra's own help
// indents its example commands with tabs, which a terminal shows eight
// columns wide, so that a command measured as fitting did not, and
// wrapped, could not be copied whole.
func tabsAsIndents(s string) string { return strings.ReplaceAll(s, "\t", "    ") }
