package pg

import (
	"errors"
	"strings"
	"testing"

	"github.com/go-json-experiment/json"

	"chrono/model"
	"chrono/model/stored"
	"chrono/store/storetest"
)

// TestBodiesBinaryInTheirRows: the twelfth step keeps the events' bodies
// in their rows, and what an import writes is the binary form.
func TestBodiesBinaryInTheirRows(t *testing.T) {
	s := newStore(t, "a")
	storetest.Seed(t, s)
	var storage string
	if err := s.first.c.QueryRow(ctx, `SELECT attstorage FROM pg_attribute WHERE attrelid = 'events'::regclass AND attname = 'body'`).Scan(&storage); err != nil || storage != "m" {
		t.Errorf("the body column's storage is %q (%v), want m (main)", storage, err)
	}
	var all, binary int
	if err := s.first.c.QueryRow(ctx, `SELECT count(*), count(*) FILTER (WHERE get_byte(body, 0) BETWEEN 2 AND $2) FROM events WHERE inv = $1`,
		s.inv, stored.Version).Scan(&all, &binary); err != nil || all == 0 || binary != all {
		t.Errorf("%d of the %d imported bodies begin with a version of the codec that writes, 2 to %d (%v), want all", binary, all, stored.Version, err)
	}
}

// rowBefore12 is the row chrono wrote for e before the twelfth step,
// with the event as JSON, for the tests of the steps before it.
func rowBefore12(t testing.TB, e *model.Event) row {
	t.Helper()
	r := rowOf(e)
	var err error
	if r.body, err = json.Marshal(e); err != nil {
		t.Fatal(err)
	}
	return r
}

// TestBodiesWrittenAsJSONStillRead: a body written before the twelfth
// step, as JSON, reads as the same event, and is written in binary form
// when its event next changes.
func TestBodiesWrittenAsJSONStillRead(t *testing.T) {
	s := newStore(t, "a")
	storetest.Seed(t, s)
	want := storetest.StoredEvent(t, s, "khashoggi-killed")
	if _, err := s.first.c.Exec(ctx, `UPDATE events SET body = $3 WHERE inv = $1 AND id = $2`, s.inv, want.ID, rowBefore12(t, &want).body); err != nil {
		t.Fatal(err)
	}
	if got := storetest.StoredEvent(t, s, want.ID); !model.SameEvent(&got, &want) {
		t.Errorf("the JSON body reads as\n%+v\nwant\n%+v", got, want)
	}
	if _, err := s.Write(model.OpTag, "tagged", func(tx model.Tx) error {
		e, err := tx.Event(want.ID)
		if err != nil {
			return err
		}
		e.Tags = append(e.Tags, "checked")
		return tx.PutEvent(e)
	}); err != nil {
		t.Fatal(err)
	}
	var body []byte
	if err := s.first.c.QueryRow(ctx, `SELECT body FROM events WHERE inv = $1 AND id = $2`, s.inv, want.ID).Scan(&body); err != nil {
		t.Fatal(err)
	}
	got, err := stored.Decode(body)
	if err != nil {
		t.Fatalf("the body written again is not the binary form: %v", err)
	}
	want.Tags = append(want.Tags, "checked")
	if !model.SameEvent(&got, &want) {
		t.Errorf("written again as\n%+v\nwant\n%+v", got, want)
	}
}

// TestDamagedBodiesSaySo: a body that reads as neither form is damaged,
// and the error names the event.
func TestDamagedBodiesSaySo(t *testing.T) {
	for name, body := range map[string][]byte{
		"JSON cut short":   []byte(`{"id": "x", "title": "cut`),
		"binary cut short": stored.Encode(nil, &model.Event{ID: "x", Title: "t"})[:5],
		"empty":            {},
	} {
		if _, err := decodeEvent("x", body); !errors.Is(err, model.ErrDamaged) || !strings.Contains(err.Error(), `event "x"`) {
			t.Errorf("%s: error %v, want ErrDamaged naming event x", name, err)
		}
	}
}
