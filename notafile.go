package main

import "chrono/store"

// notAnAddress refuses a database address given where a file goes,
// saying what to do instead: the file's own error would print the
// address as typed, its password too.
func notAnAddress(where, path, instead string) error {
	if !store.IsAddress(path) {
		return nil
	}
	return usagef("%s %s is a PostgreSQL address, not a file; %s", where, store.SafeLocation(path), instead)
}
