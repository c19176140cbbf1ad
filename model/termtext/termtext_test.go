package termtext

import (
	"encoding/json"
	"strings"
	"testing"

	"chrono/model/modeltest"
)

func TestText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "We drop bags of cash at your office", "We drop bags of cash at your office"},
		{"unicode kept", "Miller’s 日本語 👩‍👩‍👧 é", "Miller’s 日本語 👩‍👩‍👧 é"},
		{"rtl text kept", "שלום עולם", "שלום עולם"},
		{"newline and tab kept", "a\nb\tc", "a\nb\tc"},
		{"csi colour", "\x1b[31mred\x1b[0m", "␛[31mred␛[0m"},
		{"osc 52 clipboard", "\x1b]52;c;cm0gLXJmIH4=\x07", "␛]52;c;cm0gLXJmIH4=␇"},
		{"osc 8 link", "\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\", "␛]8;;http://evil␛\\click␛]8;;␛\\"},
		{"dcs", "\x1bP+q544e\x1b\\", "␛P+q544e␛\\"},
		{"apc pm sos", "\x1b_x\x1b^y\x1bXz", "␛_x␛^y␛Xz"},
		{"unterminated", "\x1b]0;title", "␛]0;title"},
		{"carriage return", "safe\rEVIL", "safe␍EVIL"},
		{"backspace nul bel", "a\bb\x00c\x07", "a␈b␀c␇"},
		{"del", "a\x7fb", "a␡b"},
		{"c1 csi", "a\u009b31mb", "a<U+009B>31mb"},
		{"c1 nel", "a\u0085b", "a<U+0085>b"},
		{"raw 8-bit byte", "a\x9b31m", "a<0x9B>31m"},
		{"invalid utf8", "a\xffb", "a<0xFF>b"},
		{"bidi override", "access\u202e\u2066level", "access<U+202E><U+2066>level"},
		{"bidi all", "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069", "<U+202A><U+202B><U+202C><U+202D><U+202E><U+2066><U+2067><U+2068><U+2069>"},
		{"line separator", "a\u2028b", "a<U+2028>b"},
		// Invisible characters, which make look-alikes.
		{"zero width space", "key\u200b", "key<U+200B>"},
		{"directional marks", "#a\u200fb\u200ec\u061cd", "#a<U+200F>b<U+200E>c<U+061C>d"},
		{"byte order mark inside", "a\ufeffb", "a<U+FEFF>b"},
		{"soft hyphen", "pass\u00adword", "pass<U+00AD>word"},
		{"word joiner and invisible operators", "a\u2060\u2061\u2062\u2063\u2064b", "a<U+2060><U+2061><U+2062><U+2063><U+2064>b"},
		{"deprecated format characters", "\u206a\u206b\u206c\u206d\u206e\u206f", "<U+206A><U+206B><U+206C><U+206D><U+206E><U+206F>"},
		{"mongolian vowel separator", "a\u180eb", "a<U+180E>b"},
		{"hangul fillers", "a\u3164b\uffa0c", "a<U+3164>b<U+FFA0>c"},
		{"annotation characters", "a\ufff9b\ufffac\ufffb", "a<U+FFF9>b<U+FFFA>c<U+FFFB>"},
		{"tag characters smuggled", "ok\U000e0069\U000e0067", "ok<U+E0069><U+E0067>"},
		// The joiners join emoji and letters: kept there, marked where
		// they join nothing.
		{"joiner in emoji kept", "👨\u200d👩\u200d👧", "👨\u200d👩\u200d👧"},
		{"joiner after a skin tone kept", "👍🏽\u200d", "👍🏽\u200d"},
		{"non-joiner in persian kept", "می\u200cخواهم", "می\u200cخواهم"},
		{"joiner after latin marked", "key\u200d", "key<U+200D>"},
		{"non-joiner first marked", "\u200ckey", "<U+200C>key"},
		{"joiner after a mark marked", "é\u200b\u200d", "é<U+200B><U+200D>"},
		{"flag of scotland kept", "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLine(t *testing.T) {
	if got, want := Line("a\nb\tc\x1b"), "a b c␛"; got != want {
		t.Errorf("Line = %q, want %q", got, want)
	}
}

func TestSafeTextIsNotCopied(t *testing.T) {
	s := strings.Repeat("safe text ", 100)
	if got := Text(s); got != s {
		t.Fatal("changed safe text")
	}
	if firstUnsafe(s, false) >= 0 || firstUnsafe("\x1b", false) < 0 {
		t.Error("firstUnsafe is wrong")
	}
	if n := testing.AllocsPerRun(10, func() { _ = Text(s) }); n != 0 {
		t.Errorf("Text allocates %v times on safe text", n)
	}
}

// hasControl reports whether s holds anything a terminal could act on,
// by a list of its own rather than the package's; on one line, newlines
// and tabs too.
func hasControl(s string, oneLine bool) bool {
	return modeltest.TerminalControl(s, true) >= 0 || (oneLine && strings.ContainsAny(s, "\n\t"))
}

func FuzzText(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		for _, oneLine := range []bool{false, true} {
			out := sanitize(s, oneLine)
			if hasControl(out, oneLine) {
				t.Fatalf("sanitize(%q, %v) = %q still has a control", s, oneLine, out)
			}
			if again := sanitize(out, oneLine); again != out {
				t.Fatalf("not idempotent: %q then %q", out, again)
			}
			stripped := Strip(s, !oneLine)
			if hasControl(stripped, oneLine) {
				t.Fatalf("Strip(%q, %v) = %q still has a control", s, !oneLine, stripped)
			}
			if again := Strip(stripped, !oneLine); again != stripped {
				t.Fatalf("Strip not idempotent: %q then %q", stripped, again)
			}
		}
	})
}

// TestJSONWriterSplits: however the JSON arrives in writes, even with a
// character split between them, the JSONWriter writes what EscapeJSON
// makes of the whole.
func TestJSONWriterSplits(t *testing.T) {
	doc := "{\"t\":\"a\u009b2J \u202eevil é 漢 😀\u2028 👩\u200d👧 k\u200d\u200b\"}\n"
	want := string(EscapeJSON([]byte(doc)))
	for cut := 0; cut <= len(doc); cut++ {
		for cut2 := cut; cut2 <= len(doc); cut2++ {
			var out strings.Builder
			w := NewJSONWriter(&out)
			for _, part := range []string{doc[:cut], doc[cut:cut2], doc[cut2:]} {
				if n, err := w.Write([]byte(part)); n != len(part) || err != nil {
					t.Fatalf("Write: %d, %v", n, err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if out.String() != want {
				t.Fatalf("cut at %d and %d: %q, want %q", cut, cut2, out.String(), want)
			}
		}
	}
}

// TestEscapeJSONBeyondTheBasicPlane: a marked character beyond U+FFFF (a
// tag character, not after 🏴) is escaped as its surrogate pair, which
// JSON reads back as the character; it had panicked.
func TestEscapeJSONBeyondTheBasicPlane(t *testing.T) {
	doc := "{\"t\":\"lang \U000E0001 tag \u009b\"}"
	out := EscapeJSON([]byte(doc))
	var v map[string]string
	if err := json.Unmarshal(out, &v); err != nil || v["t"] != "lang \U000E0001 tag \u009b" {
		t.Errorf("EscapeJSON(%q) = %q, which reads back as %q, %v", doc, out, v["t"], err)
	}
	if !strings.Contains(string(out), `\udb40\udc01`) {
		t.Errorf("EscapeJSON(%q) = %q, want the surrogate pair", doc, out)
	}
}

// TestInvisibleStrippedAndEscaped: what Text marks, Strip drops and
// EscapeJSON writes as a \u escape, the joiners alike.
func TestInvisibleStrippedAndEscaped(t *testing.T) {
	in := "key\u200b 👩\u200d👧 a\u200db \u202e"
	if got, want := Strip(in, false), "key 👩\u200d👧 ab "; got != want {
		t.Errorf("Strip = %q, want %q", got, want)
	}
	if got, want := string(EscapeJSON([]byte(in))), `key\u200b 👩`+"\u200d"+`👧 a\u200db \u202e`; got != want {
		t.Errorf("EscapeJSON = %q, want %q", got, want)
	}
}
