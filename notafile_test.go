package main

import (
	"strings"
	"testing"
)

// A database address given where a file goes is refused, saying what to
// do instead, and its password is never printed.
func TestAnAddressWhereAFileGoes(t *testing.T) {
	db := exampleDB(t)
	const secret = "s3cret-pw"
	addr := "postgres://desk:" + secret + "@db.example/cases"
	for _, args := range [][]string{
		{"import", addr},
		{"backup", "-o", addr},
		{"export", "-o", addr},
		{"export", "--format", "evidence", "-o", addr},
	} {
		r := chrono(t, db, "", args...)
		if r.code != exitUsage || strings.Contains(r.stdout+r.stderr, secret) || !strings.Contains(r.stderr, "is a PostgreSQL address, not a file") {
			t.Errorf("%q: exit %d\n%s%s", args, r.code, r.stdout, r.stderr)
		}
	}
}
