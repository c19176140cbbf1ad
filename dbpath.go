package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// dbPath is the store to use: --db, else $CHRONO_DB, else the XDG data
// directory.
func (c *cli) dbPath() (string, error) {
	if c.db != "" {
		return c.db, nil
	}
	if p := os.Getenv("CHRONO_DB"); p != "" {
		return p, nil
	}
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("no store given and no home directory to keep one in: use --db PATH (%v)", err)
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "chrono", "chrono.db"), nil
}
