package bolt

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/stored"
	"chrono/store/storetest"

	bbolt "go.etcd.io/bbolt"
)

func init() { migrationTests[7] = testMigrationBoundsTitles }

// testMigrationBoundsTitles: a store of schema 7, whose order keys hold
// each title whole, opens at schema 8 with the event of a long title
// (tagged, linked) under the key that holds its first
// model.OrderTitleBytes, its index entries following, and every other
// byte as it was.
func testMigrationBoundsTitles(t *testing.T) {
	path := storeFile(t)
	s := openAt(t, path, Options{})
	title := "A long headline: " + strings.Repeat("the minister's office said again that ", 200)
	doc, err := json.Marshal(map[string]any{"chrono": 1, "events": []any{
		map[string]any{"id": "long-title", "date": "2017-08", "title": title, "tags": []string{"long", "key"},
			"links": []any{map[string]any{"rel": "precedes", "event": "nso-mobileum-call"}}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import([]model.Input{storetest.NativeInput("long.json", doc)}, model.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	want := dumpOf(t, s)
	s.Close()
	asSchema(t, path, 7, func(tx *bbolt.Tx) error {
		b := bucketsOf(tx)
		bound := b.ids.Get([]byte("long-title"))
		// The key of schema 7: the title whole, in place of its first bytes.
		head := len(bound) - len("\x00\x01long-title\x00")
		cut := model.OrderTitleBytes
		if !strings.HasSuffix(string(bound[:head]), title[:cut]) {
			t.Fatalf("the key does not end its title with the title's first %d bytes", cut)
		}
		whole := append(append([]byte(string(bound[:head])), title[cut:]...), bound[head:]...)
		e, err := stored.Decode(b.events.Get(bound))
		if err != nil {
			return err
		}
		return b.move(&e, append([]byte(nil), bound...), whole)
	})
	s = openAt(t, path, Options{})
	if got := dumpOf(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("after the upgrade:\n%q\nwant\n%q", got, want)
	}
}
