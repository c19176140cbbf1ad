package main

import (
	"os"
	"strings"
	"testing"
)

// A PostgreSQL key=value connection string, as psql takes it, given as
// a store: refused, naming the postgres:// form; never made a file of
// that name, nor printed with its password.
func TestAConnectionStringIsNoPath(t *testing.T) {
	const secret = "s3cret-pw"
	conninfo := "host=db.example dbname=cases password=" + secret
	dir := t.TempDir()
	t.Chdir(dir)
	for _, args := range [][]string{
		{"--db", conninfo, "import", "-"},
		{"--db", conninfo, "list"},
		{"new", conninfo},
		{"serve", "--users", "users", "--db", conninfo},
	} {
		r := chrono(t, "", "", args...)
		if r.code != exitUsage || strings.Contains(r.stdout+r.stderr, secret) || !strings.Contains(r.stderr, "postgres://USER@HOST") {
			t.Errorf("%q: exit %d\n%s%s", args, r.code, r.stdout, r.stderr)
		}
	}
	r := chrono(t, conninfo, "", "list") // as CHRONO_DB
	if r.code != exitUsage || strings.Contains(r.stderr, secret) {
		t.Errorf("CHRONO_DB: exit %d\n%s", r.code, r.stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a file was made: %v", entries)
	}
}
