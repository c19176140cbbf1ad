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

// TestMemoTakesOnlyListsOfSourcesItHasSeen: a list is taken without
// being checked again only when each element is a source the memo has
// decoded, and the list is JSON between them.
func TestMemoTakesOnlyListsOfSourcesItHasSeen(t *testing.T) {
	const a, b = `{"id":"a","title":"One, [two], three"}`, `{"id":"b","url":"https://example.org/\"q\""}`
	// One as short as the start the memo finds it by, and one whose start
	// is a's.
	const short, likeA = `{"id":"s"}`, `{"id":"a","title":"One, [two], three!"}`
	m := newSourceMemo()
	if _, ok := m.decode([]byte(`[` + a + `,` + b + `,` + short + `,` + likeA + `]`)); !ok {
		t.Fatal("the memo does not decode the sources it is to remember")
	}
	tests := []struct {
		list string
		want []string // the ids taken; nil: not taken
	}{
		{`[` + a + `,` + b + `]`, []string{"a", "b"}},
		{"[ " + b + " ,\t" + a + "\r\n]", []string{"b", "a"}},
		{`[` + a + `,` + a + `]`, []string{"a", "a"}},
		{`[` + likeA + `,` + a + `]`, []string{"a", "a"}},
		{`[` + a + `,` + short + `]`, nil},
		{`[]`, []string{}},
		{`[ ]`, []string{}},
		{`[` + a + `,]`, nil},
		{`[,` + a + `]`, nil},
		{`[` + a + ` ` + b + `]`, nil},
		{`[` + a, nil},
		{`[` + a + `,`, nil},
		{`[` + a + `,{"id":"c"}]`, nil},
		{`[{"id":"a","title":"One, [two], three" }]`, nil},
		{`[{"title":"One, [two], three","id":"a"}]`, nil},
		{`[{"id":"a","title":"One, [two], three","x":1}]`, nil},
		{`[` + a + `,null]`, nil},
		{`[` + a[:len(a)-1], nil},
	}
	for _, tt := range tests {
		line := []byte(`{"sources":` + tt.list + `,"x":1}`)
		at := len(`{"sources":`)
		s := scan{b: line, i: at}
		var got []model.Source
		ok := m.take(&s, &got)
		if !ok {
			if tt.want != nil {
				t.Errorf("%s: not taken, want %q", tt.list, tt.want)
			}
			if s.i != at {
				t.Errorf("%s: not taken, and the scan moved to %d", tt.list, s.i)
			}
			continue
		}
		var want []model.Source
		if err := json.Unmarshal([]byte(tt.list), &want); err != nil {
			t.Fatalf("%s: taken, but json.Unmarshal: %v", tt.list, err)
		}
		ids := []string{}
		for _, src := range got {
			ids = append(ids, src.ID)
		}
		if tt.want == nil || !slices.Equal(ids, tt.want) || !slices.Equal(got, want) {
			t.Errorf("%s: taken as %#v, want %#v", tt.list, got, want)
		}
		if s.i != at+len(tt.list) {
			t.Errorf("%s: the scan moved to %d, want %d", tt.list, s.i, at+len(tt.list))
		}
	}
}

// FuzzSourceMemoTake checks that what take takes is a list of sources
// that json.Unmarshal decodes alike.
func FuzzSourceMemoTake(f *testing.F) {
	const a, b = `{"id":"a","title":"One, [two], three"}`, `{"id":"b","url":"https://example.org/\"q\""}`
	m := newSourceMemo()
	if _, ok := m.decode([]byte(`[` + a + `,` + b + `]`)); !ok {
		f.Fatal("the memo does not decode the sources it is to remember")
	}
	for _, s := range []string{`[` + a + `,` + b + `]`, `[ ` + b + ` ]`, `[]`, `[` + a + `,]`, `[` + a + `}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, list []byte) {
		if len(list) == 0 || list[0] != '[' {
			return // take is called at a list
		}
		s := scan{b: list}
		var got []model.Source
		if !m.take(&s, &got) {
			return
		}
		taken := list[:s.i]
		var want []model.Source
		if !jsontext.Value(taken).IsValid() {
			t.Fatalf("%s: took %s, which is not JSON", list, taken)
		}
		if err := json.Unmarshal(taken, &want, json.RejectUnknownMembers(true)); err != nil || !slices.Equal(got, want) {
			t.Fatalf("%s: took %#v, json.Unmarshal %#v, %v", list, got, want, err)
		}
	})
}
