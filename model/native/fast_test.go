package native

import (
	"bytes"
	"os"
	"reflect"
	"testing"
	"time"

	"chrono/model"
	"chrono/model/synth"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// strictly decodes v as the strict decoder alone did before decodeFast.
func strictly(v []byte) (model.Event, []string, model.FieldSet) {
	var e model.Event
	problems := newValueDecoder().decode(jsontext.Value(v), &e)
	return e, problems, fieldsOf(v)
}

// checkFast says whether decodeFast took v, and fails t when what it
// made differs from what the strict decoder makes of v.
func checkFast(t *testing.T, v []byte) bool {
	t.Helper()
	var e model.Event
	present, ok := decodeFast(v, &e)
	if !ok {
		return false
	}
	want, problems, wantPresent := strictly(v)
	if len(problems) > 0 {
		t.Fatalf("decodeFast took %s, which has problems: %q", v, problems)
	}
	if !reflect.DeepEqual(e, want) {
		t.Fatalf("decodeFast(%s)\n got %#v\nwant %#v", v, e, want)
	}
	if present != wantPresent {
		t.Fatalf("decodeFast(%s): fields %b, want %b", v, present, wantPresent)
	}
	return true
}

func TestDecodeFastAsStrict(t *testing.T) {
	tests := []struct {
		name, v string
		fast    bool // decodeFast takes it; otherwise the strict decoder does
	}{
		{"bare", `{"id":"a","title":"A"}`, true},
		{"spaced", " {\n \"id\" : \"a\" ,\t\"title\":\"A\" , \"tags\" : [ \"x\" , \"y\" ] }\r\n", true},
		{"escapes", `{"id":"a","title":"say \"no\"\n\tthen\\ \/ \b\f\r é \u00e9 \ud83d\ude00 \u2028"}`, true},
		{"nulls", `{"id":"a","title":null,"date":null,"actors":null,"quotes":[null,{"text":null}],"tags":[null]}`, true},
		{"empty arrays", `{"id":"a","title":"A","actors":[],"tags":[],"quotes":[],"links":[],"notes":[]}`, true},
		{"empty strings", `{"id":"a","title":"A","date":"","summary":"","status":""}`, true},
		{"whole", `{"id":"a","date":"2017-08~","date_text":"last year","date_source":"s","title":"A","summary":"S","status":"alleged",
			"actors":["NSO","Miller"],"tags":["cash"],
			"quotes":[{"text":"bags of cash","speaker":"Miller","source":"s","context":"c","stance":"asserts"}],
			"links":[{"rel":"follows","event":"b"}],
			"notes":[{"text":"n","author":"me","at":"2026-11-30T10:00:00.5Z"},{"text":"m","at":null}]}`, true},
		{"edited notes", `{"id":"a","title":"A","notes":[{"text":"n","author":"bo","at":"2026-12-03T10:00:00Z","edited":"2026-12-05T11:30:00.25+01:00","edited_by":"cy"},
			{"edited_by":"cy","text":"m","edited":null},{"text":"o","edited":"2026-12-06T00:00:00Z"}]}`, true},
		{"interval", `{"id":"a","title":"A","date":"2021/2022-02-01"}`, true},
		{"media", `{"id":"a","title":"A","media":[{"url":"https://example.org/p.jpg","caption":"The office","credit":"Reuters","title":"T","alt":"A building","thumbnail":"https://example.org/t.jpg","link":"https://example.org/s"},{"caption":"c"},null]}`, true},
		{"empty media", `{"id":"a","title":"A","media":[]}`, true},
		{"unknown medium member", `{"id":"a","title":"A","media":[{"url":"u","link_target":"_blank"}]}`, false},
		{"unknown member", `{"id":"a","title":"A","spekaer":"x"}`, false},
		{"unknown quote member", `{"id":"a","title":"A","quotes":[{"text":"t","spekaer":"x"}]}`, false},
		{"a number for a string", `{"id":"a","title":42}`, false},
		{"an object for a list", `{"id":"a","title":"A","tags":{"x":1}}`, false},
		{"a bad date", `{"id":"a","title":"A","date":"2017-13"}`, false},
		{"a number for a date", `{"id":"a","title":"A","date":2017}`, false},
		{"an escaped name", `{"id":"a","t\u0069tle":"A"}`, false},
		{"a bad time", `{"id":"a","title":"A","notes":[{"text":"n","at":"yesterday"}]}`, false},
		{"a bad edit time", `{"id":"a","title":"A","notes":[{"text":"n","edited":"yesterday"}]}`, false},
		{"a number for an editor", `{"id":"a","title":"A","notes":[{"text":"n","edited_by":7}]}`, false},
		{"a boolean for a quote", `{"id":"a","title":"A","quotes":[true]}`, false},
		{"upper case", `{"id":"a","Title":"A"}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !jsontext.Value(tt.v).IsValid() {
				t.Fatalf("the case is not valid JSON: %s", tt.v)
			}
			if got := checkFast(t, []byte(tt.v)); got != tt.fast {
				t.Fatalf("decodeFast took it: %v, want %v", got, tt.fast)
			}
		})
	}
}

// TestDecodeFastCorpus decodes the example's events and synthetic ones
// both ways.
func TestDecodeFastCorpus(t *testing.T) {
	var values [][]byte
	doc, err := os.ReadFile("../../timeline.example.json")
	if err != nil {
		t.Fatal(err)
	}
	var example struct{ Events []jsontext.Value }
	if err := json.Unmarshal(doc, &example); err != nil {
		t.Fatal(err)
	}
	for _, v := range example.Events {
		values = append(values, v)
	}
	var buf bytes.Buffer
	if err := Write(&buf, synth.Header(500), synth.Sources(7), synth.Events(7, 500)); err != nil {
		t.Fatal(err)
	}
	var synthetic struct{ Events []jsontext.Value }
	if err := json.Unmarshal(buf.Bytes(), &synthetic); err != nil {
		t.Fatal(err)
	}
	for _, v := range synthetic.Events {
		values = append(values, v)
	}
	values = append(values, []byte(`{"id":"told","title":"T","date":"2017-08/2018","date_text":"Summer 2017","date_text_of":"start"}`))
	for _, v := range values {
		if !checkFast(t, v) {
			t.Fatalf("decodeFast did not take %s", v)
		}
	}
}

// FuzzDecodeFast checks that whatever decodeFast takes, the strict
// decoder takes too, and makes the same of it.
func FuzzDecodeFast(f *testing.F) {
	f.Add([]byte(`{"id":"a","title":"say \"no\"","tags":["x"],"quotes":[{"text":"t","stance":"denies"}]}`))
	f.Add([]byte(`{"id":"a","date":"2017-08","notes":[{"text":"n","at":"2026-11-30T10:00:00Z"}],"links":[{"rel":"follows","event":"b"}]}`))
	f.Add([]byte(`{"id":"\ud83d\ude00","title":null,"actors":[]}`))
	f.Add([]byte(`{"id":"a","date_text":"x – y","date_text_of":"ends","date_text_of":"end"}`))
	f.Add([]byte(`[{"rel":"follows","event":"b"},null]`))
	f.Add([]byte(`[{"text":"t","speaker":"\u00e9"}]`))
	f.Fuzz(func(t *testing.T, v []byte) {
		switch {
		case !jsontext.Value(v).IsValid():
		case jsontext.Value(v).Kind() == '{':
			checkFast(t, v)
		case jsontext.Value(v).Kind() == '[':
			checkLists(t, v)
		}
	})
}

// checkLists decodes v as each kind of list both ways, and fails t when
// DecodeList takes one the strict decoder refuses or makes another of.
func checkLists(t *testing.T, v []byte) (took []string) {
	t.Helper()
	check := func(name string, fast, strict any) {
		if !DecodeList(v, fast) {
			return
		}
		took = append(took, name)
		if err := json.Unmarshal(v, strict, json.RejectUnknownMembers(true)); err != nil {
			t.Fatalf("DecodeList took %s as %s, which the strict decoder refuses: %v", v, name, err)
		}
		if !reflect.DeepEqual(fast, strict) {
			t.Fatalf("DecodeList(%s) as %s\n got %#v\nwant %#v", v, name, fast, strict)
		}
	}
	check("strings", new([]string), new([]string))
	check("quotes", new([]model.Quote), new([]model.Quote))
	check("links", new([]model.Link), new([]model.Link))
	check("notes", new([]model.Note), new([]model.Note))
	return took
}

func TestDecodeListAsStrict(t *testing.T) {
	tests := []struct {
		v    string
		took []string
	}{
		{`["a","b\n"]`, []string{"strings"}},
		{`[]`, []string{"strings", "quotes", "links", "notes"}},
		{`null`, []string{"strings", "quotes", "links", "notes"}},
		{`[null]`, []string{"strings", "quotes", "links", "notes"}},
		{`[{"text":"bags of cash","speaker":"Miller","stance":"asserts"}]`, []string{"quotes"}},
		{`[{"rel":"disputes","event":"e"}]`, []string{"links"}},
		{`[{"text":"n","at":"2026-11-30T10:00:00Z","author":"me"}]`, []string{"notes"}},
		{`[{"text":"n","author":"me","edited":"2026-12-01T08:00:00Z","edited_by":"you"}]`, []string{"notes"}},
		{`[{"text":"t"}]`, []string{"quotes", "notes"}},
		{`[{"text":"t","spekaer":"x"}]`, nil},
		{`[1]`, nil},
		{`{"text":"t"}`, nil},
	}
	for _, tt := range tests {
		if got := checkLists(t, []byte(tt.v)); !reflect.DeepEqual(got, tt.took) {
			t.Errorf("DecodeList(%s) took it as %q, want %q", tt.v, got, tt.took)
		}
	}
}

// FuzzDecodeListUnchecked gives DecodeList bytes nobody checked: it may
// refuse them, but must not fail otherwise.
func FuzzDecodeListUnchecked(f *testing.F) {
	f.Add([]byte(`[{"text":"t","at":n`))
	f.Add([]byte(`["\ud83d`))
	f.Fuzz(func(t *testing.T, v []byte) {
		for _, into := range []any{new([]string), new([]model.Quote), new([]model.Link), new([]model.Note)} {
			DecodeList(v, into)
		}
	})
}

// checkStored fails t when DecodeStored and json.Unmarshal differ on v:
// one refusing what the other takes, or making another event of it.
func checkStored(t *testing.T, v []byte) {
	t.Helper()
	got, err := DecodeStored(v)
	var want model.Event
	wantErr := json.Unmarshal(v, &want)
	if (err != nil) != (wantErr != nil) {
		t.Fatalf("DecodeStored(%s): error %v, json.Unmarshal's %v", v, err, wantErr)
	}
	if err == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("DecodeStored(%s)\n got %#v\nwant %#v", v, got, want)
	}
}

// TestDecodeStored decodes events as the stores write them, and values
// they never write, as json.Unmarshal does.
func TestDecodeStored(t *testing.T) {
	for e, err := range synth.Events(7, 500) {
		if err != nil {
			t.Fatal(err)
		}
		v, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		checkStored(t, v)
		if _, ok := decodeFast(v, new(model.Event)); !ok {
			t.Fatalf("the walk does not take an event as a store keeps it: %s", v)
		}
	}
	// A note edited by another than its writer, as a store keeps it.
	edited := model.Event{ID: "a", Title: "A", Notes: []model.Note{{Text: "n", Author: "bo", At: time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC),
		Edited: time.Date(2026, 12, 5, 11, 30, 0, 0, time.UTC), EditedBy: "cy"}}}
	if v, err := json.Marshal(edited); err != nil {
		t.Fatal(err)
	} else if checkStored(t, v); !func() bool { _, ok := decodeFast(v, new(model.Event)); return ok }() {
		t.Errorf("the walk does not take an edited note as a store keeps it: %s", v)
	}
	for _, v := range []string{
		`{"id":"a","title":"A","spekaer":"x"}`,
		`{"id":"a","title":42}`,
		`{"id":"a","title":"A","date":"2017-13"}`,
		`{"id":"a","title":"A","title":"B"}`,
		`{"id":"a","id":"b"}`,
		`{"id":"a","quotes":[{"text":"t","text":"u"}]}`,
		`{"id":"a","links":[{"rel":"follows","event":"b","rel":"precedes"}]}`,
		`{"id":"a","notes":[{"text":"n","author":"x","text":"m"}]}`,
		`{"id":"a","notes":[{"text":"n","edited_by":"x","edited_by":"y"}]}`,
		`{"id":"a","notes":[{"text":"n","edited":null,"edited":"2026-12-05T11:30:00Z"}]}`,
		"{\"id\":\"a\",\"title\":\"tab\there\"}",
		"{\"id\":\"a\",\"ti\x01tle\":\"A\"}",
		`{"id":"a","title":nul}`,
		`{"id":"a","title":nulls}`,
		`{"id":"a","title":nulx,"tags":[]}`,
		"{\"id\":\"a\",\"title\":\"\xff\"}",
		`{"id":"a","title":"A"`,
		`{"id":"a","title":"A"} x`,
		`[]`,
		``,
	} {
		checkStored(t, []byte(v))
	}
}

// FuzzDecodeStored checks DecodeStored against json.Unmarshal on any
// bytes, well formed or not.
func FuzzDecodeStored(f *testing.F) {
	f.Add([]byte(`{"id":"a","title":"say \"no\"","tags":["x"],"quotes":[{"text":"t","stance":"denies"}]}`))
	f.Add([]byte(`{"id":"a","date":"2017-08","notes":[{"text":"n","at":"2026-11-30T10:00:00Z"}],"links":[{"rel":"follows","event":"b"}]}`))
	f.Add([]byte(`{"id":"a","title":"A","title":"B"}`))
	f.Fuzz(func(t *testing.T, v []byte) { checkStored(t, v) })
}

// TestPlainStopsAtEachPlace puts a quote, a backslash or a control
// character at each place of a string that plain scans eight bytes at a
// time.
func TestPlainStopsAtEachPlace(t *testing.T) {
	for _, stop := range []byte{'"', '\\', '\n', 0, 0x1f} {
		for at := range 20 {
			text := []byte(`"é ~ abcdefghijklmnopqrstuvwxyz`)[:22]
			text[1+at] = stop
			f := fastReader{b: text, controls: true}
			if _, end := f.plain(); end != 1+at {
				t.Errorf("%q in %q: stopped at %d, want %d", stop, text, end, 1+at)
			}
			if stop < ' ' {
				f.controls = false
				if _, end := f.plain(); end != len(text) {
					t.Errorf("%q in %q, controls allowed: stopped at %d, want the end", stop, text, end)
				}
			}
		}
	}
}
