package main

import (
	"errors"
	"fmt"
	"io"

	"chrono/model"
	"chrono/model/termtext"

	"github.com/spf13/cobra"
)

// checkOptions is what chrono check was asked for.
type checkOptions struct {
	*cli
	store bool
}

// newCheckCmd is chrono check --store: whether the store agrees with
// itself.
func newCheckCmd(c *cli) *cobra.Command {
	opts := &checkOptions{cli: c}
	cmd := &cobra.Command{
		Use:   "check --store",
		Short: "Check that the store's file is sound and its indexes and counts agree",
		Long: `Check --store reads the whole store, read-only: it checks the file's pages
(bbolt's own check), that every stored value can be read, and that every
index and kept count agrees with the events. It says so when all agree,
and otherwise lists each mismatch, with its place (the bucket, and the
event when there is one), and exits 1. Nothing is changed.

A damaged store is best restored from a backup (chrono backup -o FILE makes
one of a sound store). What a damaged store can still read can be kept with
chrono export -o FILE, imported into a new store.`,
		Args: exactArgs(0, "no arguments: it checks the store --db names"),
		RunE: func(*cobra.Command, []string) error { return runCheck(opts) },
	}
	cmd.Flags().BoolVar(&opts.store, "store", true, "check the store (the default, and for now the only thing to check)")
	return cmd
}

// runCheck checks the store and says what it found.
// It opens the store itself, not with withStore, which would check a
// damaged store a second time.
func runCheck(opts *checkOptions) error {
	if !opts.store {
		return usagef("check needs --store: the store is all it checks")
	}
	s, err := opts.openStore(true)
	if err != nil {
		return err
	}
	defer s.Close()
	c, ok := s.(model.StoreChecker)
	if !ok {
		return fmt.Errorf("store %s cannot be checked: its kind of store has no check", s.Location())
	}
	r, err := c.Check()
	if err != nil {
		return err
	}
	if r.OK() {
		fmt.Fprintf(opts.stdout, "store %s: %s events, all indexes and counts agree\n", r.Location, model.Thousands(int64(r.Events)))
		return nil
	}
	writeMismatches(opts.stdout, r)
	return checkFailed(r)
}

// writeMismatches lists what a check found, one mismatch a line; what a
// damaged file holds is no terminal control.
func writeMismatches(w io.Writer, r model.CheckReport) {
	for _, m := range r.Mismatches {
		where := m.Where
		if m.Event != "" {
			where += fmt.Sprintf(", event %q", m.Event)
		}
		fmt.Fprintf(w, "%s: %s\n", where, termtext.Line(m.What))
	}
}

// checkFailed is the error of a check that found mismatches.
func checkFailed(r model.CheckReport) error {
	n := "1 mismatch"
	if len(r.Mismatches) != 1 {
		n = model.Thousands(int64(len(r.Mismatches))) + " mismatches"
	}
	return fmt.Errorf("store %s is %w (%s; %s events could be read): nothing was changed; restore it from a backup, or keep what can be read with chrono export -o FILE and import FILE into a new store",
		r.Location, model.ErrDamaged, n, model.Thousands(int64(r.Events)))
}

// checkDamaged, when err says the store is damaged, checks the whole
// store and lists every mismatch on w, so that one damaged value found
// by a command shows how far the damage goes.
func checkDamaged(w io.Writer, s model.Store, err error) {
	c, ok := s.(model.StoreChecker)
	if !ok || !errors.Is(err, model.ErrDamaged) {
		return
	}
	r, cerr := c.Check()
	if cerr != nil || r.OK() {
		return
	}
	fmt.Fprintf(w, "chrono check --store finds:\n")
	writeMismatches(w, r)
}
