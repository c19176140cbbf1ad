package main

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestExportEvidenceNamesWhoExported: the evidence says who exported it,
// named as the journal names who made a change (--author, else
// $CHRONO_AUTHOR, else user@host), and when; an author the journal
// would refuse signs no export, and nothing is written.
func TestExportEvidenceNamesWhoExported(t *testing.T) {
	db := evidenceStore(t)
	for _, tt := range []struct {
		name, flag, env, want string
	}{
		{"--author", "Ana <Lund>", "Bo Berg", "Ana <Lund>"},
		{"$CHRONO_AUTHOR", "", "Bo Berg", "Bo Berg"},
		{"user@host", "", "", userAtHost()},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("CHRONO_AUTHOR", tt.env)
			out := filepath.Join(t.TempDir(), "evidence")
			args := []string{"export", "--format", "evidence", "-o", out}
			if tt.flag != "" {
				args = append([]string{"--author", tt.flag}, args...)
			}
			if r := chrono(t, db, "", args...); r.code != 0 {
				t.Fatalf("export: %+v", r)
			}
			b, err := os.ReadFile(filepath.Join(out, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			said := regexp.MustCompile(`<p>Exported by ` + regexp.QuoteMeta(html.EscapeString(tt.want)) + ` with chrono on \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ: `)
			if !said.Match(b) {
				t.Errorf("index.html does not say who exported it and when, as %s:\n%s", said, b)
			}
		})
	}
	t.Setenv("CHRONO_AUTHOR", "tab\there")
	out := filepath.Join(t.TempDir(), "evidence")
	if r := chrono(t, db, "", "export", "--format", "evidence", "-o", out); r.code != exitUsage || !regexp.MustCompile(`\$CHRONO_AUTHOR`).MatchString(r.stderr) {
		t.Errorf("export with a bad author: %+v", r)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("export with a bad author left %s: %v", out, err)
	}
}
