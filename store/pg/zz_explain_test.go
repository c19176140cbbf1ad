package pg

import (
	"fmt"
	"testing"
	"time"

	"chrono/model"
	"github.com/jackc/pgx/v5"
)

func BenchmarkZZExplain(b *testing.B) {
	s := benchStore(b)
	c, _ := s.conn()
	from := model.PositionAt(model.MustParseDate("2008-06").Earliest())
	pat := searchPattern("zofia weiss")
	q := model.Query{Text: "zofia weiss"}
	for i := range 10 {
		t0 := time.Now()
		hit, _, err := s.Find(q, from, false, 5000)
		fmt.Println("find", i, time.Since(t0), hit.EventID(), err)
	}
	for _, mode := range []any{pgx.QueryExecModeCacheStatement, pgx.QueryExecModeExec} {
		for i := range 8 {
			t0 := time.Now()
			rows, _ := c.Query(ctx, `SELECT ord, body FROM events WHERE inv = $1 AND search LIKE $2 AND ord >= $3 ORDER BY ord ASC LIMIT 256`, mode, s.inv, pat, from.Key())
			n := 0
			for rows.Next() {
				n++
			}
			rows.Close()
			fmt.Println(mode, i, time.Since(t0), n, rows.Err())
		}
	}
	c.Exec(ctx, `PREPARE x(bigint, text, bytea) AS SELECT ord, body FROM events WHERE inv = $1 AND search LIKE $2 AND ord >= $3 ORDER BY ord ASC LIMIT 256`)
	c.Exec(ctx, `SET plan_cache_mode = force_generic_plan`)
	rows, err := c.Query(ctx, `EXPLAIN ANALYZE EXECUTE x(1, '%zofia weiss%', '\x800000004841e68000000000')`, pgx.QueryExecModeSimpleProtocol)
	fmt.Println(err)
	for rows.Next() {
		var l string
		rows.Scan(&l)
		fmt.Println(l)
	}
	rows.Close()
}
