package main

import (
	"strings"

	"chrono/store"
)

// copyable is a store's location as a command chrono suggests writes
// it, to be copied into a shell: a database address with no password
// (the note says where psql and chrono read it from, or is empty), and
// quoted when it holds what a shell would read (? and & in an address,
// a space in a path).
func copyable(location string) (arg, note string) {
	arg = location
	if store.IsAddress(location) {
		var had bool
		if arg, had = store.AddressWithoutPassword(location); had {
			note = " (with the password in PGPASSFILE or PGPASSWORD, as psql reads it)"
		}
	}
	return shellArg(arg), note
}

// shellArg is s as a shell reads it back: quoted when it holds a
// character a shell would read otherwise.
func shellArg(s string) string {
	if s != "" && !strings.ContainsAny(s, "?&;*[]$'\"`\\|<>(){}#~! \t") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
