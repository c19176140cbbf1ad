package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// storePath is the store to use: --db, else $CHRONO_DB, else the XDG
// data directory; and whether it is the default store, the only one
// chrono seeds with the example on its first run: a path the user names
// is their investigation, new and empty until they fill it.
func (c *cli) storePath() (path string, isDefault bool, err error) {
	if c.dbGiven {
		if c.db == "" {
			return "", false, usagef("--db needs the path of a store file; leave it out for the default store")
		}
		return c.db, false, nil
	}
	if p := os.Getenv("CHRONO_DB"); p != "" {
		return p, false, nil
	}
	// The XDG spec has a relative XDG_DATA_HOME ignored: it would put
	// the store wherever chrono happens to be run from.
	dir := os.Getenv("XDG_DATA_HOME")
	if !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", false, fmt.Errorf("no store given and no home directory to keep one in: use --db PATH (%v)", err)
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "chrono", "chrono.db"), true, nil
}
