package pg

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5"
)

// TestNewestChangeReadsOneRowAnEvent: the history lookup of a re-import
// reads each event's newest entry alone, however many entries the event
// has and however the statement is planned (for its values, or once for
// any, as a prepared statement comes to be), rather than every entry of
// the batch's events, which grew with each import that changed them.
func TestNewestChangeReadsOneRowAnEvent(t *testing.T) {
	s := newStore(t, "a")
	const events, entries = 40, 6
	var ids []string
	for i := range events {
		id := fmt.Sprintf("ev-%02d", i)
		ids = append(ids, id)
		for seq := 1; seq <= entries; seq++ {
			change := fmt.Sprintf(`{"id":%q,"title":"version %d"}`, id, seq)
			if seq == entries && i%2 == 0 {
				change = fmt.Sprintf(`{"id":%q,"imported":{"title":"the file's"}}`, id)
			}
			if _, err := s.first.c.Exec(ctx, `INSERT INTO history (inv, id, seq, change) VALUES ($1, $2, $3, $4)`, s.inv, id, seq, []byte(change)); err != nil {
				t.Fatal(err)
			}
		}
	}
	asked := append(ids, "no-history")
	for _, mode := range []string{"auto", "force_generic_plan", "force_custom_plan"} {
		t.Run(mode, func(t *testing.T) {
			err := pgx.BeginFunc(ctx, s.first.c, func(tx pgx.Tx) error {
				if _, err := tx.Exec(ctx, `SET LOCAL plan_cache_mode = `+mode); err != nil {
					return err
				}
				rows, err := tx.Query(ctx, newestChangeSQL, s.inv, asked)
				if err != nil {
					return err
				}
				got := map[string]bool{}
				for rows.Next() {
					var id string
					var seq int64
					var kept bool
					if err := rows.Scan(&id, &seq, &kept); err != nil {
						return err
					}
					if seq != entries {
						t.Errorf("%s: newest entry %d, want %d", id, seq, entries)
					}
					got[id] = kept
				}
				if err := rows.Err(); err != nil {
					return err
				}
				if len(got) != events {
					t.Errorf("%d events answered, want the %d with a history", len(got), events)
				}
				for i, id := range ids {
					if got[id] != (i%2 == 0) {
						t.Errorf("%s: kept %v, want %v", id, got[id], i%2 == 0)
					}
				}
				var doc []byte
				if err := tx.QueryRow(ctx, "EXPLAIN (ANALYZE, FORMAT JSON) "+newestChangeSQL, s.inv, asked).Scan(&doc); err != nil {
					return err
				}
				var plan []map[string]any
				if err := json.Unmarshal(doc, &plan); err != nil {
					return err
				}
				// A loop's rows are its average, rounded: one a loop at most.
				if n := historyRowsRead(plan[0]["Plan"].(map[string]any)); n > len(asked) {
					t.Errorf("read %d rows of the history for %d events asked: %s", n, len(asked), doc)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}

// historyRowsRead sums the rows the nodes of an analysed plan read from
// the history table, over all their loops.
func historyRowsRead(node map[string]any) int {
	n := 0
	if node["Relation Name"] == "history" {
		n += int(node["Actual Rows"].(float64) * node["Actual Loops"].(float64))
	}
	if kids, ok := node["Plans"].([]any); ok {
		for _, k := range kids {
			n += historyRowsRead(k.(map[string]any))
		}
	}
	return n
}
