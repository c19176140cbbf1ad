package main

import (
	"bufio"

	"chrono/model/native"
	"chrono/model/synth"

	"github.com/spf13/cobra"
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
can be reproduced: chrono synth --events 1000000 > big.json`,
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error { return runSynth(opts) },
	}
	cmd.Flags().IntVar(&opts.events, "events", 1000, "how many events")
	cmd.Flags().Uint64Var(&opts.seed, "seed", synth.DefaultSeed, "the generator's seed")
	return cmd
}

// runSynth writes the investigation to stdout; it never touches the store.
func runSynth(opts *synthOptions) error {
	if opts.events < 0 {
		return usagef("--events %d: give a number of events, 0 or more", opts.events)
	}
	w := bufio.NewWriterSize(opts.stdout, 1<<16)
	if err := native.Write(w, synth.Header(opts.events), synth.Sources(opts.seed), synth.Events(opts.seed, opts.events)); err != nil {
		return err
	}
	return w.Flush()
}
