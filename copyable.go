package main

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

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
// character a shell would read otherwise; in the $'...' form of bash and
// zsh, each character a terminal does not show (a control, a zero-width
// character, a control of direction) written \uXXXX (\UXXXXXXXX past
// U+FFFF), when it holds one, and each byte that is not UTF-8 \xNN, so
// that what is copied from the screen is s.
func shellArg(s string) string {
	if strings.ContainsFunc(s, hidden) || !utf8.ValidString(s) {
		var b strings.Builder
		b.WriteString("$'")
		for i, r := range s {
			switch {
			case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
				fmt.Fprintf(&b, "\\x%02x", s[i]) // a byte that is not UTF-8, as it is
			case hidden(r) && r > 0xFFFF:
				fmt.Fprintf(&b, "\\U%08x", r) // \u reads four digits at most
			case hidden(r):
				fmt.Fprintf(&b, "\\u%04x", r)
			case r == '\'' || r == '\\':
				b.WriteString("\\" + string(r))
			default:
				b.WriteRune(r)
			}
		}
		return b.String() + "'"
	}
	if s != "" && !strings.ContainsAny(s, "?&;*[]$'\"`\\|<>(){}#~! \t") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// hidden reports whether a terminal shows r as nothing at all: controls
// and format characters (controls of direction, zero-width ones).
func hidden(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}
