package pg

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"chrono/model"

	"github.com/jackc/pgx/v5"
)

// freshDatabase makes an empty database of its own in the test cluster
// and returns its address.
func freshDatabase(t *testing.T) string {
	t.Helper()
	needServer(t)
	c, err := pgx.Connect(ctx, server.url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	name := fmt.Sprintf("fresh_%d", investigations.Add(1))
	if _, err := c.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		t.Fatal(err)
	}
	return strings.Replace(server.url, "/chrono?", "/"+name+"?", 1)
}

func schemaVersionAt(t *testing.T, url string) int {
	t.Helper()
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	v, err := schemaOf(c)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestMigrationsRunInOrderEachWhole: each step runs in its own
// transaction; a step that fails keeps nothing of itself and leaves the
// version at the step before, and the steps before it stay done.
func TestMigrationsRunInOrderEachWhole(t *testing.T) {
	url := freshDatabase(t)
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	var ran []int
	steps := append(append([]migration(nil), migrations...),
		migration{"a step that works", func(tx pgx.Tx) error {
			ran = append(ran, len(migrations)+1)
			_, err := tx.Exec(ctx, `CREATE TABLE step_two (x int)`)
			return err
		}},
		migration{"a step that fails half way", func(tx pgx.Tx) error {
			ran = append(ran, len(migrations)+2)
			if _, err := tx.Exec(ctx, `CREATE TABLE step_three (x int)`); err != nil {
				return err
			}
			return errors.New("broken step")
		}})
	err = migrateTo(c, false, steps)
	if err == nil || !strings.Contains(err.Error(), "broken step") || !strings.Contains(err.Error(), "nothing of that step was kept") {
		t.Fatalf("migrating with a broken step: %v", err)
	}
	if fmt.Sprint(ran) != fmt.Sprint([]int{len(migrations) + 1, len(migrations) + 2}) {
		t.Errorf("steps ran: %v", ran)
	}
	if v := schemaVersionAt(t, url); v != len(migrations)+1 {
		t.Errorf("version after the failed step: %d, want %d", v, len(migrations)+1)
	}
	var half bool
	if err := c.QueryRow(ctx, `SELECT to_regclass('step_three') IS NOT NULL`).Scan(&half); err != nil || half {
		t.Errorf("the failed step's table was kept: %v %v", half, err)
	}
	// This chrono, knowing fewer steps than the database has, refuses it.
	if _, err := Open(url, Options{}); !errors.Is(err, model.ErrNewerSchema) {
		t.Errorf("open of a newer schema: %v, want ErrNewerSchema", err)
	}
}

// TestCreateTables: the first step makes the tables a store needs, from
// an empty database, and a second open runs nothing again.
func TestCreateTables(t *testing.T) {
	url := freshDatabase(t)
	if _, err := Open(url, Options{ReadOnly: true}); !errors.Is(err, model.ErrNoStore) {
		t.Errorf("read-only open of an empty database: %v, want ErrNoStore", err)
	}
	if v := schemaVersionAt(t, url); v != 0 {
		t.Fatalf("a read-only open made the schema (%d)", v)
	}
	s, err := Open(url, Options{Author: "a"})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if v := schemaVersionAt(t, url); v != SchemaVersion {
		t.Fatalf("schema %d after open, want %d", v, SchemaVersion)
	}
	s, err = Open(url, Options{Investigation: "second", Author: "a"})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	list, err := Investigations(url)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Name != "default" || list[1].Name != "second" {
		t.Errorf("investigations: %+v", list)
	}
	if _, err := Open(url, Options{Investigation: "third", NoCreate: true}); !errors.Is(err, model.ErrNoStore) {
		t.Errorf("NoCreate open of a missing investigation: %v", err)
	}
}
