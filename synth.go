package main

import (
	"bufio"
	"strings"

	"chrono/model/native"
	"chrono/model/synth"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// synthOptions is what chrono synth was asked for.
type synthOptions struct {
	*cli
	events int
	seed   uint64
}

// newSynthCmd is chrono synth: an invented investigation to measure with.
func newSynthCmd(c *cli) *cobra.Command {
	opts := &synthOptions{cli: c}
	cmd := &cobra.Command{
		Use:   "synth --events N [--seed S]",
		Short: "Write a synthetic investigation of N events as chrono JSON, for measurements",
		Long: `Synth writes an invented investigation of N events to stdout as chrono
JSON: dates from 1990 to 2025 at mixed precision, text in several scripts
at about 1.1 KB per event, one to three quotes each, tags from a small
vocabulary. The same seed gives the same file, so measurements made on it
can be reproduced: chrono synth --events 1000000 > big.json. It writes
to a file or a pipe, never to a screen, and uses no store.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := noStoreFlags(cmd); err != nil {
				return err
			}
			return runSynth(opts)
		},
	}
	cmd.SetHelpFunc(func(cmd *cobra.Command, args []string) {
		hideStoreFlags(cmd)
		cmd.Parent().HelpFunc()(cmd, args)
	})
	cmd.Flags().IntVar(&opts.events, "events", 1000, "how many events")
	cmd.Flags().Uint64Var(&opts.seed, "seed", synth.DefaultSeed, "the generator's seed")
	return cmd
}

// noStoreFlags refuses the flags every command inherits for its store
// (--db, --author, ...): synth has none, and would ignore them silently.
func noStoreFlags(cmd *cobra.Command) error {
	var given []string
	cmd.InheritedFlags().VisitAll(func(f *pflag.Flag) {
		if f.Changed {
			given = append(given, "--"+f.Name)
		}
	})
	if len(given) > 0 {
		return usagef("synth uses no store: %s means nothing to it (it writes to stdout)", strings.Join(given, ", "))
	}
	return nil
}

// hideStoreFlags leaves the store's flags out of synth's help, where they
// would mean nothing. The process ends after the help, so the flags,
// which are every command's, are left hidden.
func hideStoreFlags(cmd *cobra.Command) {
	cmd.InheritedFlags().VisitAll(func(f *pflag.Flag) { f.Hidden = true })
}

// runSynth writes the investigation to stdout; it never touches the store.
func runSynth(opts *synthOptions) error {
	if opts.events < 0 {
		return usagef("--events %d: give a number of events, 0 or more", opts.events)
	}
	if opts.stdoutIsTerminal() {
		return usagef("synth writes %s of chrono JSON, too much for a screen: redirect it to a file (chrono synth --events %d > synth.json) or a pipe", events(opts.events), opts.events)
	}
	w := bufio.NewWriterSize(opts.stdout, 1<<16)
	if err := native.Write(w, synth.Header(opts.events), synth.Sources(opts.seed), synth.Events(opts.seed, opts.events)); err != nil {
		return err
	}
	return w.Flush()
}
