package main

import (
	"bytes"
	"runtime/debug"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/spf13/cobra"
)

// TestCLICompletion checks what the shells are offered (cobra's
// __complete, which the scripts of chrono completion call): event ids,
// tags, actors, sources, statuses, relations and formats from the store. Update
// with go test -run TestCLICompletion -update.
func TestCLICompletion(t *testing.T) {
	steps := [][]string{
		{"__complete", "show", "nso-"},
		{"__complete", "show", "nso-denial", ""},
		{"__complete", "tag", "fbi-tip", "wh"},
		{"__complete", "untag", "fbi-tip", ""},
		{"__complete", "link", "fbi-tip", "dis"},
		{"__complete", "list", "--tag", "d"},
		{"__complete", "list", "--actor", "ted"},
		{"__complete", "list", "--source", "w"},
		{"__complete", "list", "--status", ""},
		{"__complete", "export", "--format", ""},
		{"__complete", "import", "--format", ""},
		{"__complete", "import", "--prefer", ""},
		{"__complete", "--db", "$DB", "restore", ""},
	}
	db := exampleDB(t)
	chrono(t, db, "", "rm", "apple-sues-nso")
	var shown []string
	var results []result
	for _, args := range steps {
		for i := range args {
			args[i] = strings.ReplaceAll(args[i], "$DB", db)
		}
		shown = append(shown, shellWords(args))
		results = append(results, chrono(t, db, "", args...))
	}
	golden.RequireEqual(t, transcript(db, shown, results))

	for _, shell := range []string{"bash", "zsh", "fish"} {
		if r := chrono(t, db, "", "completion", shell); r.code != 0 || !strings.Contains(r.stdout, "__complete") {
			t.Errorf("completion %s: exit %d, %q, %d bytes", shell, r.code, r.stderr, len(r.stdout))
		}
	}
}

// TestCLIHelpPointers: a mistyped command (or subcommand, or help
// topic) gets a suggestion, and a usage error points to the help of the
// command that was used.
func TestCLIHelpPointers(t *testing.T) {
	db := exampleDB(t)
	for _, tt := range []struct {
		args string
		want []string
	}{
		{"lsit", []string{`unknown command "lsit"`, "did you mean list?", "Run 'chrono --help' for usage."}},
		{"list extra", []string{"Run 'chrono list --help' for usage."}},
		{"list --nope", []string{"Run 'chrono list --help' for usage."}},
		{"quote rm x", []string{"Run 'chrono quote rm --help' for usage."}},
		{"--nope", []string{"Run 'chrono --help' for usage."}},
		{"quote ad fbi-tip", []string{`unknown command "ad" for chrono quote`, "did you mean add?", "Run 'chrono quote --help' for usage."}},
		{"source lsit", []string{`unknown command "lsit" for chrono source`, "did you mean list?"}},
		{"completion bahs", []string{`unknown command "bahs" for chrono completion`, "did you mean bash?"}},
		{"help lsit", []string{`unknown command "lsit"`, "did you mean list?"}},
		{"help quote ad", []string{`unknown command "ad" for chrono quote`, "did you mean add?"}},
		{"log -n abc", []string{`invalid argument "abc" for "-n, --number" flag: not a whole number`}},
		{"quote", []string{"quote needs a command: add or rm", "Run 'chrono quote --help' for usage."}},
		{"source", []string{"source needs a command: add, attach, edit, list, rm, show or text"}},
		{"completion", []string{"completion needs a command: bash, fish, powershell or zsh"}},
	} {
		r := chrono(t, db, "", strings.Fields(tt.args)...)
		if strings.Contains(r.stderr, "strconv") {
			t.Errorf("chrono %s: %q names Go's parser", tt.args, r.stderr)
		}
		for _, w := range tt.want {
			if r.code != exitUsage || !strings.Contains(r.stderr, w) {
				t.Errorf("chrono %s: exit %d, %q; want %q", tt.args, r.code, r.stderr, w)
			}
		}
	}
}

// TestVersion: --version says the module's version and the revision it
// was built from, as the build recorded them.
func TestVersion(t *testing.T) {
	r := chrono(t, newDB(t), "", "--version")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "chrono ") {
		t.Errorf("--version: %+v", r)
	}
	info := &debug.BuildInfo{Main: debug.Module{Path: "chrono", Version: "v1.2.0"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.time", Value: "2025-01-02T03:04:05Z"}, {Key: "vcs.modified", Value: "true"},
	}}
	if got, want := versionOf(info), "v1.2.0 (0123456789ab, 2025-01-02T03:04:05Z, modified)"; got != want {
		t.Errorf("versionOf = %q, want %q", got, want)
	}
	if got, want := versionOf(&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}), "(devel)"; got != want {
		t.Errorf("versionOf a build without VCS = %q, want %q", got, want)
	}
	if got, want := versionOf(nil), "unknown"; got != want {
		t.Errorf("versionOf no build info = %q, want %q", got, want)
	}
}

// TestCLIHelpFitsATerminal: every command's --help, its description,
// use line, commands and flags, is wrapped to fit an 80-column
// terminal.
func TestCLIHelpFitsATerminal(t *testing.T) {
	var walk func(cmd *cobra.Command)
	walk = func(cmd *cobra.Command) {
		var out bytes.Buffer
		cmd.SetOut(&out)
		if err := cmd.Help(); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), "Usage:") {
			t.Errorf("%s --help has no usage:\n%s", cmd.CommandPath(), out.String())
		}
		for i, line := range strings.Split(out.String(), "\n") {
			if strings.Contains(line, "\t") {
				t.Errorf("%s --help, line %d: a tab, which the terminal lays out as it likes: %q", cmd.CommandPath(), i+1, line)
			}
			if n := utf8.RuneCountInString(line); n > 80 {
				t.Errorf("%s --help, line %d: %d columns: %q", cmd.CommandPath(), i+1, n, line)
			}
		}
		for _, sub := range cmd.Commands() {
			walk(sub)
		}
	}
	root := newRootCmd(&cli{})
	root.InitDefaultCompletionCmd()
	root.InitDefaultHelpCmd()
	walk(root)
}

// TestHelpTopics: help names a command's help by its path, what follows
// a command without subcommands being its arguments, and completes the
// commands it can name.
func TestHelpTopics(t *testing.T) {
	db := exampleDB(t)
	if r := chrono(t, db, "", "help", "show", "fbi-tip"); r.code != 0 || !strings.HasPrefix(r.stdout, "Show an event") {
		t.Errorf("help show fbi-tip: %+v", r)
	}
	if r := chrono(t, db, "", "__complete", "help", "q"); !strings.Contains(r.stdout, "quote\t") {
		t.Errorf("help q<TAB>: %q", r.stdout)
	}
	if r := chrono(t, db, "", "__complete", "help", "quote", ""); !strings.Contains(r.stdout, "add\t") || !strings.Contains(r.stdout, "rm\t") {
		t.Errorf("help quote <TAB>: %q", r.stdout)
	}
}
