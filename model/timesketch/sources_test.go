package timesketch

import (
	"slices"
	"testing"

	"chrono/model"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// FuzzSourceMemo checks that a sourceMemo decodes a list of sources as
// json.Unmarshal does whenever it says it could, the second time (from
// what it remembers) as the first.
func FuzzSourceMemo(f *testing.F) {
	for _, s := range []string{
		`[{"id":"s","title":"One"}]`,
		` [ {"id":"x","published":"2020-01"} , {"id":"y"} ] `,
		`[{"id":"a\"]}","title":"[{"}, {"id":"b\\"} ,{"id":"c\\\"}"}]`,
		`[{"id":"\u00e9","published":null}]`,
		`[]`, `null`, `{}`, `[null]`, `[{"id":"a"},null]`, `[[{"id":"a"}]]`,
		`[{"id":1}]`, `[{"ID":"a"}]`, `[{"id":"a","x":1}]`, `[{"id":"a","published":"2020-13"}]`,
	} {
		f.Add([]byte(s))
	}
	m := newSourceMemo()
	f.Fuzz(func(t *testing.T, text []byte) {
		if !jsontext.Value(text).IsValid() {
			return // the memo is given only what the decoder has checked
		}
		var want []model.Source
		wantErr := json.Unmarshal(text, &want, json.RejectUnknownMembers(true))
		for range 2 {
			got, ok := m.decode(text)
			if !ok {
				continue
			}
			if wantErr != nil || (got == nil) != (want == nil) || !slices.Equal(got, want) {
				t.Fatalf("%s: memo %#v, json.Unmarshal %#v, %v", text, got, want, wantErr)
			}
		}
	})
}

// TestSourceMemoBound checks that a memo forgets rather than grows.
func TestSourceMemoBound(t *testing.T) {
	m := newSourceMemo()
	for i := range 3 * maxMemo {
		text := []byte(`[{"id":"s` + string(rune('a'+i%26)) + `","title":"` + string(rune(0x4e00+i)) + `"}]`)
		if _, ok := m.decode(text); !ok {
			t.Fatalf("%s: not decoded", text)
		}
		if len(m.seen) > maxMemo {
			t.Fatalf("remembers %d sources", len(m.seen))
		}
	}
}
