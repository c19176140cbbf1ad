package main

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"chrono/model/wordwrap"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// keepCommands marks each chrono command msg names ("chrono source
// attach wapo FILE", "chrono backup -o FILE") to be kept whole on a line
// where it fits (wordwrap.Keep): a command broken over two lines reads
// as a command and some words, and is copied so. A command is the word
// chrono, the commands under it, the arguments the last takes, and
// flags with their values (or what may be given, in brackets), as root
// has them; punctuation after a word,
// or an opening parenthesis or quote before one, ends it.
func keepCommands(root *cobra.Command, msg string) string {
	if root == nil {
		return msg
	}
	lines := strings.Split(msg, "\n")
	for i, l := range lines {
		words := strings.Split(l, " ")
		var b strings.Builder
		for j := 0; j < len(words); j++ {
			if j > 0 {
				b.WriteByte(' ')
			}
			n := 1
			if strings.TrimLeft(words[j], `("`) == "chrono" {
				n = commandWords(root, words[j+1:]) + 1
			}
			b.WriteString(wordwrap.Keep(strings.Join(words[j:j+n], " ")))
			j += n - 1
		}
		lines[i] = b.String()
	}
	return strings.Join(lines, "\n")
}

// keptCommands is keepCommands with chrono's commands: what the browser
// marks the notices it shows with, and tell what it says. One at a
// time: cobra builds a command's inherited flags as they are read, and
// the browsers chrono serve runs say things side by side.
func (c *cli) keptCommands(msg string) string {
	keeping.Lock()
	defer keeping.Unlock()
	return keepCommands(c.commands, msg)
}

// keeping is held while keptCommands reads the commands.
var keeping sync.Mutex

// commandWords is how many of words, which follow the word chrono, are
// the command's.
func commandWords(root *cobra.Command, words []string) int {
	cmd, args, n := root, 0, 0
	least, most := argCounts(cmd)
	for n < len(words) {
		w := strings.TrimRight(words[n], ",;:.)")
		ended := w != words[n]
		switch {
		case w == "" || strings.ContainsAny(w[:1], `("“`):
			return n // a phrase of its own begins
		case strings.HasPrefix(w, "["):
			// What may be given ([--tag T]), as a usage line has it.
			end := n
			for end < len(words) && !strings.Contains(words[end], "]") {
				end++
			}
			if end == len(words) {
				return n // not closed: not a usage line's
			}
			ended = strings.TrimRight(words[end], ",;:.)") != words[end]
			n = end + 1
		case w == "-" && args < most: // stdin
			args++
			n++
		case strings.HasPrefix(w, "-"):
			f := flagNamed(cmd, w)
			if f == nil {
				return n
			}
			n++
			if !ended && f.NoOptDefVal == "" && !strings.Contains(w, "=") && n < len(words) && words[n] != "" {
				ended = strings.TrimRight(words[n], ",;:.)") != words[n]
				n++ // the flag's value
			}
		case args == 0 && subcommand(cmd, w) != nil:
			cmd = subcommand(cmd, w)
			least, most = argCounts(cmd)
			n++
		case args < least || args < most && argumentLike(w):
			args++
			n++
		default:
			return n
		}
		if ended {
			return n
		}
	}
	return n
}

// subcommand is cmd's command named name, or nil.
func subcommand(cmd *cobra.Command, name string) *cobra.Command {
	for _, sub := range cmd.Commands() {
		if sub.Name() == name || slices.Contains(sub.Aliases, name) {
			return sub
		}
	}
	return nil
}

// flagNamed is cmd's flag written w (--name, --name=value or -n), its
// own or inherited, or nil.
func flagNamed(cmd *cobra.Command, w string) *pflag.Flag {
	name, _, _ := strings.Cut(strings.TrimLeft(w, "-"), "=")
	for _, fs := range []*pflag.FlagSet{cmd.Flags(), cmd.InheritedFlags()} {
		var f *pflag.Flag
		switch {
		case strings.HasPrefix(w, "--"):
			f = fs.Lookup(name)
		case len(name) == 1:
			f = fs.ShorthandLookup(name)
		}
		if f != nil {
			return f
		}
	}
	return nil
}

// argCounts are the fewest and the most arguments cmd takes, as its
// check of them has it; most is 4 for any number.
func argCounts(cmd *cobra.Command) (least, most int) {
	if cmd.Args == nil {
		return 0, 0
	}
	least, most = -1, 0
	for k := 0; k <= 4; k++ {
		if cmd.Args(cmd, slices.Repeat([]string{"ID"}, k)) == nil {
			if least < 0 {
				least = k
			}
			most = k
		}
	}
	return max(least, 0), most
}

// argumentLike reports whether w reads as an argument rather than prose:
// a name for one (ID, FILE, SOURCE-ID), or an id, a path or a number,
// which have hyphens, dots, slashes or digits. An optional argument, or
// one more of a list, is taken as the command's only so, not to take
// the words that follow it for arguments.
func argumentLike(w string) bool {
	placeholder := strings.IndexFunc(w, unicode.IsLetter) >= 0 && strings.ToUpper(w) == w
	return placeholder || strings.ContainsAny(w, "-./0123456789")
}
