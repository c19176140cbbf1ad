package pg

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"chrono/model"
	"chrono/store/storetest"

	"github.com/jackc/pgx/v5"
)

// asRole is the address of the database at dbURL as another role.
func asRole(t *testing.T, dbURL, role string) string {
	t.Helper()
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("user", role)
	u.RawQuery = q.Encode()
	return u.String()
}

// work does what a user does first: opens (creating) an investigation,
// imports, tags and lists.
func work(t *testing.T, dbURL, investigation string) {
	t.Helper()
	s, err := Open(dbURL, Options{Investigation: investigation, Author: "desk"})
	if err != nil {
		t.Fatalf("open (chrono new) as the role: %v", err)
	}
	defer s.Close()
	if _, err := s.Import([]model.Input{storetest.NativeInput("timeline.example.json", storetest.ExampleDoc(t))}, model.ImportOptions{}); err != nil {
		t.Fatalf("import as the role: %v", err)
	}
	if _, err := s.Write(model.OpTag, "tagged", func(tx model.Tx) error {
		_, err := model.RetagEach(tx, model.Retags([]string{"fbi-tip"}, []string{"checked"}, nil))
		return err
	}); err != nil {
		t.Fatalf("tag as the role: %v", err)
	}
	n := 0
	for e, err := range s.Events(model.Query{Tags: []string{"checked"}}) {
		if err != nil {
			t.Fatalf("list as the role: %v", err)
		}
		if e.ID != "fbi-tip" {
			t.Errorf("listed %q", e.ID)
		}
		n++
	}
	if n != 1 {
		t.Errorf("listed %d events tagged checked, want 1", n)
	}
	// A search, over the words' index, and the vocabulary's trigram index
	// or, where the role could not make it, the whole vocabulary.
	if hit, _, err := s.Find(model.Query{Text: "FBI TIP LINE"}, model.Position{}, false, 1000); err != nil || hit.EventID() != "fbi-tip" {
		t.Errorf("search as the role: %q, %v", hit.EventID(), err)
	}
	if r, err := s.VerifyJournal(); err != nil || !r.OK() || r.Entries != 2 {
		t.Errorf("the chain as the role: %+v, %v", r, err)
	}
}

// TestRolesWithoutSuperuser: chrono runs as roles with no superuser
// right, only those the README lists. An owner role, allowed to connect
// and to create in the schema, makes chrono's tables on first use; a
// worker role, granted only reading and writing the rows of those tables
// and using their sequences, works in them. Neither can do more: the
// worker cannot create the tables in a database that has none.
func TestRolesWithoutSuperuser(t *testing.T) {
	dbURL := freshDatabase(t)
	admin, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	name := strings.TrimPrefix(strings.SplitN(strings.SplitN(dbURL, "?", 2)[0], "///", 2)[1], "/")
	db := pgx.Identifier{name}.Sanitize()
	for _, sql := range []string{
		`CREATE ROLE chrono_owner_` + name + ` LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`,
		`CREATE ROLE chrono_worker_` + name + ` LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`,
		`REVOKE ALL ON DATABASE ` + db + ` FROM PUBLIC`,
		`REVOKE ALL ON SCHEMA public FROM PUBLIC`,
		`GRANT CONNECT, TEMPORARY ON DATABASE ` + db + ` TO chrono_owner_` + name + `, chrono_worker_` + name,
		`GRANT USAGE, CREATE ON SCHEMA public TO chrono_owner_` + name,
		`GRANT USAGE ON SCHEMA public TO chrono_worker_` + name,
	} {
		if _, err := admin.Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	owner, worker := asRole(t, dbURL, "chrono_owner_"+name), asRole(t, dbURL, "chrono_worker_"+name)

	// The worker alone cannot make the tables, and says what it needs.
	if _, err := Open(worker, Options{Author: "w"}); err == nil || !strings.Contains(err.Error(), "grant it CREATE on the schema") {
		t.Errorf("the worker making the tables: %v", err)
	}
	work(t, owner, "owned")
	// The owner may not create extensions (no CREATE on the database):
	// chrono's tables are made without the vocabulary's trigram index,
	// and with the words' index, which needs no extension.
	for _, index := range []struct {
		name string
		want bool
	}{{"search_words_trigrams", false}, {"events_words", true}} {
		var there bool
		if err := admin.QueryRow(ctx, `SELECT to_regclass($1) IS NOT NULL`, index.name).Scan(&there); err != nil || there != index.want {
			t.Errorf("index %s without pg_trgm: %v, want %v (%v)", index.name, there, index.want, err)
		}
	}

	// What the owner grants the worker, as the README says.
	c, err := pgx.Connect(ctx, owner)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	for _, sql := range []string{
		`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO chrono_worker_` + name,
		`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO chrono_worker_` + name,
	} {
		if _, err := c.Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	work(t, worker, "worked")

	// A role granted only reading opens read-only, saying why, as a file
	// that cannot be written does, rather than failing at each write.
	for _, sql := range []string{
		`CREATE ROLE chrono_reader_` + name + ` LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`,
		`GRANT CONNECT ON DATABASE ` + db + ` TO chrono_reader_` + name,
		`GRANT USAGE ON SCHEMA public TO chrono_reader_` + name,
	} {
		if _, err := admin.Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	if _, err := c.Exec(ctx, `GRANT SELECT ON ALL TABLES IN SCHEMA public TO chrono_reader_`+name); err != nil {
		t.Fatal(err)
	}
	reader := asRole(t, dbURL, "chrono_reader_"+name)
	if _, err := Open(reader, Options{Investigation: "worked", Author: "r"}); !errors.Is(err, model.ErrReadOnly) || !strings.Contains(err.Error(), "may only read") {
		t.Errorf("a reading role opened for writing: %v, want model.ErrReadOnly", err)
	}
	if r, err := Open(reader, Options{Investigation: "worked", ReadOnly: true}); err != nil {
		t.Errorf("a reading role opened read-only: %v", err)
	} else {
		if n, err := r.Count(model.Query{}); err != nil || n == 0 {
			t.Errorf("a reading role counts %d, %v", n, err)
		}
		r.Close()
	}
	var super bool
	if err := c.QueryRow(ctx, `SELECT rolsuper FROM pg_roles WHERE rolname = current_user`).Scan(&super); err != nil || super {
		t.Errorf("the owner is a superuser: %v %v", super, err)
	}
}
