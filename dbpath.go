package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
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
		if err := notConnInfo("--db", c.db); err != nil {
			return "", false, err
		}
		return c.db, false, nil
	}
	if p := os.Getenv("CHRONO_DB"); p != "" {
		if err := notConnInfo("CHRONO_DB", p); err != nil {
			return "", false, err
		}
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

// connInfo matches the start of a PostgreSQL key=value connection string
// (host=db dbname=cases), as psql takes it and chrono does not.
var connInfo = regexp.MustCompile(`^\s*(host|hostaddr|port|dbname|user|password|passfile|sslmode|service)\s*=`)

// notConnInfo refuses a key=value connection string given as a store:
// read as a path it would make a file of that name, and be printed,
// password and all. Nothing of it is shown.
func notConnInfo(where, path string) error {
	if !connInfo.MatchString(path) {
		return nil
	}
	return usagef("%s holds a PostgreSQL key=value connection string, which chrono does not read: give the database as postgres://USER@HOST:PORT/DBNAME, with the password in PGPASSFILE or PGPASSWORD", where)
}
