package main

import (
	"fmt"

	"chrono/model"
	"chrono/model/termtext"

	"github.com/spf13/cobra"
)

// backupOptions is what chrono backup was asked for.
type backupOptions struct {
	*cli
	out string
}

// newBackupCmd is chrono backup -o FILE: a copy of the store.
func newBackupCmd(c *cli) *cobra.Command {
	opts := &backupOptions{cli: c}
	cmd := &cobra.Command{
		Use:   "backup -o FILE",
		Short: "Copy the store, consistently, even while it is in use",
		Long: `Backup writes a copy of the store to FILE, a snapshot of one moment,
while the browser or other commands may be using it. FILE must not exist.
To restore, quit chrono and copy the backup over the store (see chrono
--help for where the store is), or open it directly with --db FILE.

A journal altered outside chrono (its hash chain broken, as chrono verify
--journal shows) is copied as it is found, the break with it, and a
warning names the entry where the chain breaks; the backup is still made.
So is a snapshot whose bytes or text no longer have the hashes kept
with them, or those the journal recorded when it was kept, with a
warning naming it.`,
		Args: exactArgs(0, "no arguments: the copy goes to -o FILE"),
		RunE: func(*cobra.Command, []string) error { return runBackup(opts) },
	}
	cmd.Flags().StringVarP(&opts.out, "output", "o", "", "the file to write the copy to (it must not exist)")
	// --output, as export names it; --out, its old name, stays for
	// scripts, out of the help.
	cmd.Flags().StringVar(&opts.out, "out", "", "the old name of --output")
	cmd.Flags().MarkHidden("out")
	return cmd
}

// runBackup copies the store to opts.out, read-only, so that the browser
// and other readers may go on meanwhile.
func runBackup(opts *backupOptions) error {
	if opts.out == "" {
		return usagef("backup needs -o FILE, the file to write the copy to")
	}
	if opts.out == "-" {
		// export -o - writes to stdout; a backup cannot, as it is read
		// back whole before it is said to be made.
		return usagef("backup -o -: a backup is a file, read back to check it, and cannot go to stdout; give a file name (./- for one named -)")
	}
	if err := notAnAddress("-o", opts.out, "backup writes a store file: to put it into a database, chrono --db ADDRESS --investigation NAME import FILE"); err != nil {
		return err
	}
	defer opts.clearOnSignal()()
	return opts.withStore(true, func(s model.Store) error {
		rep, err := s.Backup(opts.out)
		if err != nil {
			return err
		}
		fmt.Fprintf(opts.stderr, "backed up %s to %s (%s bytes)\n", s.Location(), opts.out, model.Thousands(rep.Size))
		if !rep.Chain.OK() {
			// The copy is made all the same: a journal altered outside
			// chrono is evidence, for the backup to keep as it is.
			warnChainBreak(opts.stderr, rep.Chain.Break, "the backup keeps it as found (chrono verify --journal on it names the same break)")
		}
		// So too a snapshot altered outside chrono: kept as found, and
		// said, as its quotes can no longer be checked against it.
		damaged, err := damagedSnapshots(s)
		if err != nil {
			return fmt.Errorf("the backup is made, but its snapshots could not be checked: %w", err)
		}
		for _, d := range damaged {
			fmt.Fprintf(opts.stderr, "warning: source %s, snapshot %d: %s; the backup keeps it as found (chrono verify on it names it)\n", termtext.Line(d.Source), d.Snapshot, termtext.Line(d.Problem))
		}
		return nil
	})
}
