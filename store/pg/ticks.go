package pg

import (
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// The counts kept by stretch leave a rank to count the events of its own
// stretch before it, on the order index: a few hundred where events
// spread over the stretch's twelve days, but all the events a coarse date
// places at one instant when they fall before it. The start of a year
// comes a second after the events dated only by the year before, all
// placed at its last instant: a year's jump counted 5,951 index entries
// at a million events (3.9 ms). order_ticks counts the events by tick of
// the order key, its first seven bytes (256 seconds): a rank then sums at
// most 4,096 ticks of its stretch and counts only its own tick's events
// before it.

// tickBytes is how many leading bytes of the order key make its tick.
const tickBytes = 7

// tickStart returns the smallest order key of ord's tick: its leading
// seven bytes.
func tickStart(ord []byte) []byte {
	k := make([]byte, tickBytes)
	copy(k, ord)
	return k
}

// tickOf is chrono_tick: ord's leading seven bytes, big-endian.
func tickOf(ord []byte) int64 {
	var k [8]byte
	copy(k[1:], ord[:min(len(ord), tickBytes)])
	return int64(binary.BigEndian.Uint64(k[:]))
}

// nextTick returns the smallest order key after ord's tick, and nil for
// the last tick (where undated events are: their keys are all 0xff).
func nextTick(ord []byte) []byte {
	k := tickStart(ord)
	for i := len(k) - 1; i >= 0; i-- {
		if k[i]++; k[i] != 0 {
			return k
		}
	}
	return nil
}

// keepTicks is the step that keeps order_ticks: the table, the count
// triggers again with it, and the counts of the events already stored.
// An import by a chrono of the schema before fails after it (its
// deferred counts have no table for the ticks), whole, and says so.
func keepTicks(tx pgx.Tx) error {
	// Writes by a chrono of the schema before wait: one committed
	// between the count below and the new triggers would be counted in
	// order_counts and never in order_ticks.
	_, err := tx.Exec(ctx, fmt.Sprintf(`
LOCK TABLE events IN SHARE MODE;
CREATE FUNCTION chrono_tick(ord bytea) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $f$ SELECT ('x' || rpad(encode(substr(ord, 1, %[1]d), 'hex'), %[2]d, '0'))::bit(%[3]d)::bigint $f$;

CREATE TABLE order_ticks (
	inv  bigint NOT NULL REFERENCES investigations ON DELETE CASCADE,
	tick bigint NOT NULL,
	n    bigint NOT NULL,
	PRIMARY KEY (inv, tick)
);
INSERT INTO order_ticks SELECT inv, chrono_tick(ord), count(*) FROM events GROUP BY 1, 2;
`, tickBytes, 2*tickBytes, 8*tickBytes))
	if err != nil {
		return err
	}
	for _, op := range []string{"insert", "update", "delete"} {
		replace := strings.Replace(countTriggerOf(op, true, false), "CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
		if _, err := tx.Exec(ctx, replace); err != nil {
			return err
		}
	}
	return nil
}
