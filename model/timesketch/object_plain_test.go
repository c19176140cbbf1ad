package timesketch

import (
	"encoding/binary"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

// plainLines are lines plainObject takes, and lines it leaves to the
// decoder, faults among them.
var plainLines = []string{
	`{"message": "A call", "datetime": "2017-08-01T00:00:00Z", "timestamp_desc": "Event date"}`,
	`  {"message":"tab\there, \"quoted\", \\ \/ \b\f\n\r \u00e9 \u20AC","n":-12.5e+3,"t":true,"f":false,"z":null}  `,
	`{"quotes": [{"text": "Verbatim", "speaker": "A", "stance": "asserts"}, {"text": "Two"}], "tag": ["a", "b"], "extra": {"k": [1, 2, {"x": null}]}}`,
	`{"actors": "a string where a list goes", "links": 7, "notes": null}`,
	`{"message": "日本語 and emoji 🎉", "x": "\uFFFD"}`,
	`{"actors": ["\u00e9t\u00e9", "\ud83c\udf89", "plain"], "links": [null, {"rel": "follows", "event": "e"}], "media": []}`,
	`{"notes": [{"text": "n", "at": "2020-01-01T00:00:00Z"}], "quotes": null}`,
	// Lists the conversion decodes and words the fault of.
	`{"quotes": [{"spekaer": "A"}], "actors": ["a", 1], "notes": [{"text": "n", "at": "yesterday"}]}`,
	`{"quotes": [{"text": "a", "text": "b"}]}`,
	`{}`,
	`{"a": 0, "b": -0, "c": 0.0, "d": 1E9, "e": 2e-3}`,
	// What plainObject leaves to the decoder.
	`{"message": "a", "message": "b"}`,
	`{"extra": {"k": 1, "k": 2}}`,
	`{"mess\u0061ge": "escaped key"}`,
	`{"x": "\ud83c\udf89"}`,
	`{"x": "\ud800"}`,
	"{\"x\": \"bad \xff utf-8\"}",
	"{\"x\": \"a\tcontrol\"}",
	"{\"quotes\": [{\"text\": \"a\tcontrol\"}]}",
	"{\"quotes\": [{\"text\": \"bad \xff utf-8\"}]}",
	"{\"actors\": [\"bad \xc3\"]}",
	`{"quotes": [{"text": "a"},]}`,
	`{"quotes": [{"text": "a"}}`,
	`{"actors": ["a" "b"]}`,
	`{"actors": ["\ud800"]}`,
	`{"x": 01}`,
	`{"x": 1.}`,
	`{"x": -}`,
	`{"x": .5}`,
	`{"x": 1e}`,
	`{"x": tru}`,
	`{"x": [1,]}`,
	`{"x": [,1]}`,
	`{"x": {"a": 1,}}`,
	`{"x": 1,}`,
	`{"x": 1 "y": 2}`,
	`{"x": 1} {"y": 2}`,
	`{"x": 1} x`,
	`["not", "an object"]`,
	`{"x": "unterminated}`,
	`{"x": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}`,
	`{"x": {"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9,"j":10,"k":11,"l":12,"m":13,"n":14,"o":15,"p":16,"q":17}}`,
	`{"x": "\u12G4"}`,
	`{"x": "\q"}`,
	`{"x" 1}`,
	``,
}

func TestPlainObjectReadsAsTheDecoder(t *testing.T) {
	taken := 0
	for _, line := range plainLines {
		if samePlainObject(t, []byte(line)) {
			taken++
		}
	}
	// The first seven lines are plain JSON; if plainObject took none,
	// this test would check nothing.
	if taken < 7 {
		t.Errorf("plainObject took %d lines, want at least 7", taken)
	}
}

func FuzzPlainObject(f *testing.F) {
	for _, line := range plainLines {
		f.Add([]byte(line))
	}
	f.Fuzz(func(t *testing.T, line []byte) { samePlainObject(t, line) })
}

// samePlainObject checks that what plainObject takes of line, the
// decoder reads alike, and reports whether plainObject took it: with
// each list's strings of their own, and cut from one copy of it.
func samePlainObject(t *testing.T, line []byte) bool {
	t.Helper()
	own := samePlainObjectAs(t, line, false)
	if shared := samePlainObjectAs(t, line, true); shared != own {
		t.Errorf("%q: plainObject takes it %v, and %v with its lists' strings shared", line, own, shared)
	}
	return own
}

func samePlainObjectAs(t *testing.T, line []byte, shared bool) bool {
	t.Helper()
	plain, decoded := newParser(false), newParser(false)
	plain.shared = shared
	if !plain.plainObject(line) {
		return false
	}
	if _, msg := decoded.object(line); msg != "" {
		t.Errorf("plainObject took %q, which the decoder refuses: %s", line, msg)
		return true
	}
	vals := slices.Clone(plain.rec.vals)
	for i, v := range vals {
		if v.decoded {
			// Decoded as the conversion decodes what the decoder read.
			key := plain.rec.keys[i]
			want, got := newList(key), newList(key)
			if msg := decodeList(key, value{json: true, raw: v.raw}, false, false, want); msg != "" {
				t.Errorf("%q: plainObject decoded %s, which the conversion refuses: %s", line, key, msg)
			}
			if !plain.rec.lists.decoded(key, got) || !reflect.DeepEqual(got, want) {
				t.Errorf("%q: plainObject decoded %s as %+v, want %+v", line, key, got, want)
			}
			vals[i].decoded = false
		}
	}
	if !reflect.DeepEqual(plain.rec.keys, decoded.rec.keys) || !reflect.DeepEqual(vals, decoded.rec.vals) {
		t.Errorf("%q:\nplainObject %q %+v\ndecoder     %q %+v", line, plain.rec.keys, vals, decoded.rec.keys, decoded.rec.vals)
	}
	return true
}

// newList returns a pointer to an empty list of the type of key's value.
func newList(key string) any { return new(lists).of(key) }

// TestPlainObjectDecodesChronosLists: each of chrono's lists is decoded
// as it is checked, and a list of sources when the memo has seen each of
// them, which a line the conversion read before shows it.
func TestPlainObjectDecodesChronosLists(t *testing.T) {
	const sources = `[{"id":"src-a","title":"A source cited on both lines","published":"2017-08"}]`
	const first = `{"message":"A","datetime":"2017-08-01T00:00:00+00:00","chrono_id":"e1","date_edtf":"2017-08-01","sources":` + sources + `}`
	const second = `{"message":"B","chrono_id":"e2","actors":["NSO"],"quotes":[{"text":"Verbatim","speaker":"A","source":"src-a"}],` +
		`"links":[{"rel":"follows","event":"e1"}],"notes":[{"text":"n"}],"media":[{"url":"https://example.org/a.png"}],"sources":` + sources + `}`
	p := newParser(false)
	var out result
	p.line([]byte(first), 1, &out) // the memo sees the source
	p.rec = record{line: 2}
	if !p.plainObject([]byte(second)) {
		t.Fatal("plainObject does not take the line")
	}
	for i, k := range p.rec.keys {
		if !listKey(k) {
			continue
		}
		v := p.rec.vals[i]
		if !v.decoded {
			t.Errorf("%s: not decoded as it was checked", k)
			continue
		}
		want, got := newList(k), newList(k)
		if msg := decodeList(k, value{json: true, raw: v.raw}, false, false, want); msg != "" {
			t.Fatalf("%s: %s", k, msg)
		}
		if !p.rec.lists.decoded(k, got) || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: decoded as %+v, want %+v", k, got, want)
		}
	}
}

func TestNeedsLookFindsEveryByteThatEndsAPlainRun(t *testing.T) {
	for at := range 8 {
		for b := range 256 {
			w := []byte("abcdefgh")
			w[at] = byte(b)
			want := b == '"' || b == '\\' || b < 0x20 || b >= 0x80
			if got := needsLook(binary.LittleEndian.Uint64(w)); got != want {
				t.Errorf("byte %#x at %d: needsLook %v, want %v", b, at, got, want)
			}
		}
	}
}

// TestKeyKeepsEachColumnOnce: reading a column's key allocates nothing,
// whichever column it is.
func TestKeyKeepsEachColumnOnce(t *testing.T) {
	for _, c := range columns {
		if got := key(strings.Clone(c)); unsafe.StringData(got) != unsafe.StringData(c) {
			t.Errorf("key(%q) is a string of its own, not the column's", c)
		}
	}
	if other := "not_a_column"; unsafe.StringData(key(other)) == unsafe.StringData(other) {
		t.Errorf("key(%q) is the string it was given, which the line it was cut from may hold", other)
	}
}
