package pg

import (
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"testing"

	"chrono/model"

	"github.com/jackc/pgx/v5"
)

// sqlHead recomputes an investigation's chain in SQL alone, as chain.go
// tells anyone to, and returns the head's hash in hex.
func sqlHead(t *testing.T, c *pgx.Conn, inv int64) string {
	t.Helper()
	rows, err := c.Query(ctx, `SELECT seq, encode(sha256(int8send(seq) || CASE form WHEN 2 THEN '\x02'::bytea ELSE '' END || prev || body), 'hex'),
		encode(hash, 'hex'), encode(prev, 'hex')
		FROM journal WHERE inv = $1 ORDER BY seq`, inv)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	prev := strings.Repeat("0", 64)
	for rows.Next() {
		var seq int64
		var sum, hash, link string
		if err := rows.Scan(&seq, &sum, &hash, &link); err != nil {
			t.Fatal(err)
		}
		if sum != hash || link != prev {
			t.Fatalf("entry #%d: sha256 %s, hash %s, link %s, previous hash %s", seq, sum, hash, link, prev)
		}
		prev = hash
	}
	if rows.Err() != nil {
		t.Fatal(rows.Err())
	}
	return prev
}

// TestMigrationChainsTheJournal: a database whose journals were written
// before the chain (schema 1) has each investigation's entries chained
// in order by the second step, their bodies unchanged, so that the
// chain verifies, SQL alone recomputes the same head, and the next write
// links to it.
func TestMigrationChainsTheJournal(t *testing.T) {
	url := freshDatabase(t)
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	if err := migrateTo(c, false, migrations[:1]); err != nil {
		t.Fatal(err)
	}
	var bodies []string
	for _, name := range []string{"a", "b"} {
		var inv int64
		if err := c.QueryRow(ctx, `INSERT INTO investigations (name) VALUES ($1) RETURNING id`, name).Scan(&inv); err != nil {
			t.Fatal(err)
		}
		for seq := 1; seq <= 3; seq++ {
			body := `{"seq":` + string(rune('0'+seq)) + `,"at":"2024-01-0` + string(rune('0'+seq)) + `T00:00:00Z","author":"old","op":"tag","phrase":"tagged ` + name + `"}`
			bodies = append(bodies, body)
			if _, err := c.Exec(ctx, `INSERT INTO journal (inv, seq, at, body) VALUES ($1, $2, now(), $3)`, inv, seq, []byte(body)); err != nil {
				t.Fatal(err)
			}
		}
	}
	s, err := Open(url, Options{Investigation: "b", Author: "new"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r, err := s.VerifyJournal()
	if err != nil || !r.OK() || r.Entries != 3 || r.Head.Seq != 3 {
		t.Fatalf("after the migration: %+v, %v", r, err)
	}
	if got := sqlHead(t, c, s.inv); got != r.Head.Hash {
		t.Errorf("SQL recomputes the head %s, VerifyJournal gives %s", got, r.Head.Hash)
	}
	var kept []string
	rows, _ := c.Query(ctx, `SELECT convert_from(body, 'UTF8') FROM journal ORDER BY inv, seq`)
	for rows.Next() {
		var b string
		rows.Scan(&b)
		kept = append(kept, b)
	}
	rows.Close()
	if strings.Join(kept, "\n") != strings.Join(bodies, "\n") {
		t.Errorf("the bodies changed:\n%s\nwant\n%s", kept, bodies)
	}
	e, err := s.Write(model.OpTitle, "titled", func(tx model.Tx) error { return tx.SetHeader(model.Header{Title: "after"}) })
	if err != nil {
		t.Fatal(err)
	}
	if e.Seq != 4 || e.Prev != r.Head.Hash {
		t.Errorf("the next entry #%d links to %s; want #4 linked to %s", e.Seq, e.Prev, r.Head.Hash)
	}
	if r, err := s.VerifyJournal(); err != nil || !r.OK() || r.Entries != 4 {
		t.Errorf("after the next write: %+v, %v", r, err)
	}
}

// tamperings are ways of altering the journal in the database directly,
// run with the investigation's id as $1 (tamperedStore), each with the
// break it makes.
var tamperings = []struct {
	name   string
	tamper string
	seq    uint64
	fault  model.ChainFault
}{
	{"altered", `UPDATE journal SET body = convert_to(replace(convert_from(body, 'UTF8'), 'second', 'forged'), 'UTF8') WHERE inv = $1 AND seq = 2`, 2, model.ChainContent},
	{"removed", `DELETE FROM journal WHERE inv = $1 AND seq = 2`, 2, model.ChainMissing},
	{"rehashed", `UPDATE journal SET body = convert_to(replace(convert_from(body, 'UTF8'), 'second', 'forged'), 'UTF8'),
			hash = sha256(int8send(seq) || prev || convert_to(replace(convert_from(body, 'UTF8'), 'second', 'forged'), 'UTF8')) WHERE inv = $1 AND seq = 2`, 3, model.ChainLink},
	{"unchained", `UPDATE journal SET hash = '' WHERE inv = $1 AND seq = 1`, 1, model.ChainUnreadable},
}

// tamperedStore is a new investigation of three entries, its journal
// then altered in the database by tamper.
func tamperedStore(t *testing.T, tamper string) *Store {
	t.Helper()
	s := newStore(t, "a")
	for _, title := range []string{"first", "second", "third"} {
		if _, err := s.Write(model.OpTitle, title, func(tx model.Tx) error { return tx.SetHeader(model.Header{Title: title}) }); err != nil {
			t.Fatal(err)
		}
	}
	c, err := s.conn()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Exec(ctx, tamper, s.inv); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestVerifyFindsTampering: an entry changed in the database directly,
// one removed, or one whose link was rewritten, is named by
// VerifyJournal with what differs.
func TestVerifyFindsTampering(t *testing.T) {
	for _, tc := range tamperings {
		t.Run(tc.name, func(t *testing.T) {
			s := tamperedStore(t, tc.tamper)
			r, err := s.VerifyJournal()
			if err != nil {
				t.Fatal(err)
			}
			if r.OK() || r.Break.Seq != tc.seq || r.Break.Fault != tc.fault || r.Entries != tc.seq-1 {
				t.Errorf("VerifyJournal: %+v %+v; want a %s break at #%d", r, r.Break, tc.fault, tc.seq)
			}
		})
	}
}

// TestFormsStep: entries written before the journal named their forms
// are in FormJSON after the step, their bytes and hashes unchanged, and
// the chain verifies to the same head.
func TestFormsStep(t *testing.T) {
	url := freshDatabase(t)
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	step := slices.IndexFunc(migrations, func(m migration) bool {
		return m.what == "each journal entry's form, so that a restored one keeps its hash"
	})
	if err := migrateTo(c, false, migrations[:step]); err != nil {
		t.Fatal(err)
	}
	var inv int64
	if err := c.QueryRow(ctx, `INSERT INTO investigations (name) VALUES ('default') RETURNING id`).Scan(&inv); err != nil {
		t.Fatal(err)
	}
	prev := zeroHash
	for seq := uint64(1); seq <= 2; seq++ {
		body := []byte(fmt.Sprintf(`{"seq":%d,"at":"2024-01-0%dT00:00:00Z","author":"old","op":"tag","phrase":"tagged"}`, seq, seq))
		hash := jsonHash(seq, prev, body)
		if _, err := c.Exec(ctx, `INSERT INTO journal (inv, seq, at, body, hash, prev) VALUES ($1, $2, now(), $3, $4, $5)`, inv, int64(seq), body, hash, prev); err != nil {
			t.Fatal(err)
		}
		prev = hash
	}
	if err := migrateTo(c, false, migrations[:step+1]); err != nil {
		t.Fatal(err)
	}
	var forms []int16
	rows, _ := c.Query(ctx, `SELECT form FROM journal ORDER BY seq`)
	forms, err = pgx.CollectRows(rows, pgx.RowTo[int16])
	if err != nil || !slices.Equal(forms, []int16{int16(model.FormJSON), int16(model.FormJSON)}) {
		t.Errorf("forms after the step: %v, %v", forms, err)
	}
	if _, err := c.Exec(ctx, `UPDATE journal SET form = 7 WHERE seq = 1`); err == nil {
		t.Error("the table took a form chrono does not know")
	}
	s, err := Open(url, Options{Author: "new"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if r, err := s.VerifyJournal(); err != nil || !r.OK() || r.Head != (model.ChainHead{Seq: 2, Hash: hex.EncodeToString(prev)}) {
		t.Errorf("after the step: %+v, %v; want head #2 %x", r, err, prev)
	}
}
