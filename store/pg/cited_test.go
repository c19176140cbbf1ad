package pg

import (
	"errors"
	"strings"
	"testing"

	"chrono/model"
)

// TestKeepCitedStep: the seventeenth step counts the events citing each
// source that a database holds from before it, in quotes and as their
// date's source, each source once an event; the counts are kept from
// then on, and the sources' facets and a view of one source read them.
func TestKeepCitedStep(t *testing.T) {
	url, c, inv, step := databaseBeforeStep(t, "citing each source")
	for _, e := range []model.Event{
		{ID: "both", Title: "both", DateText: "that day", DateSource: "a", Quotes: []model.Quote{{Text: "x", Source: "a"}, {Text: "y", Source: "b"}}},
		{ID: "date-only", Title: "date only", DateText: "that day", DateSource: "b"},
		{ID: "none", Title: "none"},
	} {
		insertRow(t, c, inv, rowOf(&e))
	}
	if err := migrateTo(c, false, migrations[:step+1]); err != nil {
		t.Fatal(err)
	}
	kept := countRows(t, c, `SELECT name, n FROM facet_counts WHERE inv = $1 AND kind = 'c'`, inv)
	if want := map[string]int64{"a": 1, "b": 2}; !mapsEqual(kept, want) {
		t.Errorf("after the step, kept %v; want %v", kept, want)
	}
	checkKeptCounts(t, c, inv)

	s, err := Open(url, Options{Author: "tester@cited"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Write(model.OpEdit, "change", func(tx model.Tx) error {
		e, err := tx.Event("both")
		if err != nil {
			return err
		}
		e.Quotes = e.Quotes[:1]
		return tx.PutEvent(e)
	}); err != nil {
		t.Fatal(err)
	}
	checkKeptCounts(t, c, inv)
	facets, err := s.Facets(model.FacetSources)
	if err != nil || len(facets) != 2 || facets[0] != (model.Facet{Name: "a", Count: 1}) || facets[1] != (model.Facet{Name: "b", Count: 1}) {
		t.Errorf("Facets(sources) = %+v, %v; want a and b, 1 each", facets, err)
	}
	if n, err := s.Count(model.Query{Sources: []string{"b"}}); err != nil || n != 1 {
		t.Errorf("Count(source b) = %d, %v; want 1", n, err)
	}
}

// TestReadOnlyBeforeKeepCited: a database at the schema before the kept
// counts of the sources cited opens read-only as it is, counting the
// events citing each source from their rows, and stays at its schema;
// one older still says to open it for writing once.
func TestReadOnlyBeforeKeepCited(t *testing.T) {
	url, c, inv, step := databaseBeforeStep(t, "citing each source")
	for _, e := range []model.Event{
		{ID: "both", Title: "both", DateText: "that day", DateSource: "a", Quotes: []model.Quote{{Text: "x", Source: "a"}, {Text: "y", Source: "b"}}},
		{ID: "date-only", Title: "date only", DateText: "that day", DateSource: "b"},
		{ID: "none", Title: "none"},
	} {
		insertRow(t, c, inv, rowOf(&e))
	}
	s, err := Open(url, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("a database of schema %d opened read-only: %v", step, err)
	}
	facets, err := s.Facets(model.FacetSources)
	if err != nil || len(facets) != 2 || facets[0] != (model.Facet{Name: "b", Count: 2}) || facets[1] != (model.Facet{Name: "a", Count: 1}) {
		t.Errorf("Facets(sources) = %+v, %v; want b 2, a 1", facets, err)
	}
	if n, err := s.Count(model.Query{Sources: []string{"b"}}); err != nil || n != 2 {
		t.Errorf("Count(source b) = %d, %v; want 2", n, err)
	}
	if n, err := s.Count(model.Query{}); err != nil || n != 3 {
		t.Errorf("Count() = %d, %v; want 3", n, err)
	}
	s.Close()
	if v, err := schemaOf(c); err != nil || v != step {
		t.Errorf("read-only, the schema became %d (%v); want %d", v, err, step)
	}

	old, c, _, step := databaseBeforeStep(t, "citing each source")
	if _, err := c.Exec(ctx, `UPDATE chrono_schema SET version = $1`, step-1); err != nil {
		t.Fatal(err)
	}
	_, err = Open(old, Options{ReadOnly: true})
	if err == nil || !strings.Contains(err.Error(), "open it once without read-only") {
		t.Errorf("a database of schema %d opened read-only: %v; want it to say to open it for writing", step-1, err)
	}
}

// TestReadingRoleBeforeKeepCited: a role that may only read, opening a
// database at the schema before the kept counts of the sources cited
// for writing (as the browser does first), is told it may only read,
// as at the current schema, so that it opens read-only and reads it as
// it is, rather than failing at the step it may not run.
func TestReadingRoleBeforeKeepCited(t *testing.T) {
	url, c, inv, step := databaseBeforeStep(t, "citing each source")
	e := model.Event{ID: "quoted", Title: "quoted", Quotes: []model.Quote{{Text: "x", Source: "a"}}}
	insertRow(t, c, inv, rowOf(&e))
	var db string
	if err := c.QueryRow(ctx, `SELECT current_database()`).Scan(&db); err != nil {
		t.Fatal(err)
	}
	role := "chrono_reader_" + db
	for _, sql := range []string{
		`CREATE ROLE ` + role + ` LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`,
		`GRANT USAGE ON SCHEMA public TO ` + role,
		`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ` + role,
	} {
		if _, err := c.Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	reader := asRole(t, url, role)
	_, err := Open(reader, Options{Author: "r"})
	if !errors.Is(err, model.ErrReadOnly) || !strings.Contains(err.Error(), "may only read") {
		t.Fatalf("a reading role opened a database of schema %d for writing: %v; want model.ErrReadOnly", step, err)
	}
	r, err := Open(reader, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("a reading role opened it read-only: %v", err)
	}
	defer r.Close()
	if facets, err := r.Facets(model.FacetSources); err != nil || len(facets) != 1 || facets[0] != (model.Facet{Name: "a", Count: 1}) {
		t.Errorf("Facets(sources) = %+v, %v; want a 1", facets, err)
	}
	if v, err := schemaOf(c); err != nil || v != step {
		t.Errorf("the schema became %d (%v); want %d", v, err, step)
	}
}
