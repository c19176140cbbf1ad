package main

import "github.com/spf13/cobra"

// verifyOptions is what chrono verify was asked for.
type verifyOptions struct {
	*cli
	journal, asJSON bool
}

// newVerifyCmd is chrono verify: whether the record can be shown
// unaltered.
func newVerifyCmd(c *cli) *cobra.Command {
	opts := &verifyOptions{cli: c}
	cmd := &cobra.Command{
		Use:   "verify --journal [--json]",
		Short: "Verify that the journal was not altered since it was written",
		Long: `Verify reads the store, read-only, and changes nothing.

--journal walks the journal's hash chain from the first change to the
newest: each entry holds the SHA-256 of its content and of the entry
before it. When the chain holds, it prints how many entries there are and
the head (as chrono log --head does). Otherwise it names the first entry
where the chain breaks and what differs (its content and its hash, or its
link to the entry before it, or a missing entry), and exits 1.

The chain shows that the journal agrees with itself; it cannot show that
someone with the file did not rewrite all of it. A head noted elsewhere
(chrono log --head) and compared with today's does.`,
		Args: exactArgs(0, "no arguments: it verifies the store --db names"),
		RunE: func(*cobra.Command, []string) error {
			if !opts.journal {
				return usagef("verify has nothing to verify: give --journal")
			}
			s, err := opts.openStore(true)
			if err != nil {
				return err
			}
			defer s.Close()
			return verifyJournal(opts.cli, s, opts.asJSON)
		},
	}
	cmd.Flags().BoolVar(&opts.journal, "journal", false, "walk the journal's hash chain and report the first entry where it breaks")
	cmd.Flags().BoolVar(&opts.asJSON, "json", false, "print the report as JSON")
	return cmd
}
