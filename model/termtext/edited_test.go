package termtext

import "testing"

// TestEdited: an edit changes only what was typed; what the field showed
// as marks stays as stored unless the edit takes it away.
func TestEdited(t *testing.T) {
	for _, tc := range []struct {
		name, stored, typed string
		oneLine             bool
		tab                 string
		want                string
	}{
		{"shown unchanged", "combining \u200b zws", "combining <U+200B> zws", true, "", "combining \u200b zws"},
		{"a letter appended", "combining \u200b zws", "combining <U+200B> zwsX", true, "", "combining \u200b zwsX"},
		{"a letter prepended", "\u202eevil", "X<U+202E>evil", true, "", "X\u202eevil"},
		{"an escape kept", "Sp\x1b[1mker", "Sp␛[1mkerX", true, "", "Sp\x1b[1mkerX"},
		{"a word typed between marks", "a\u200bb\u200bc", "a<U+200B>bXY<U+200B>c", true, "", "a\u200bbXY\u200bc"},
		{"a mark deleted", "Sp\x1b[1mker", "Sp[1mker", true, "", "Sp[1mker"},
		{"part of a mark deleted", "a\u200bb", "a<U+200Bb", true, "", "ab"},
		{"a mark's start deleted", "\u202eevil", "U+202E>evil", true, "", "evil"},
		{"a tab's space deleted", "a\tb", "a   b", false, "    ", "ab"},
		{"a letter deleted beside a mark", "ab\u200bc", "a<U+200B>c", true, "", "a\u200bc"},
		{"a letter deleted of two alike", "aab\u200b", "ab<U+200B>", true, "", "ab\u200b"},
		{"a typed mark's end deleted", "plain <U+200B>", "plain <U+200B", true, "", "plain <U+200B"},
		{"everything replaced", "old \x1b title", "new", true, "", "new"},
		{"emptied", "old \x1b title", "", true, "", ""},
		{"a line break shown as a space", "first\nsecond", "first secondX", true, "", "first\nsecondX"},
		{"a tab laid out as spaces", "a\tb\n\u200bc", "a    b\n<U+200B>cd", false, "    ", "a\tb\n\u200bcd"},
		{"a typed mark is text", "plain", "plain <U+200B>", true, "", "plain <U+200B>"},
		{"a repeated letter added", "aa\u200b", "aaa<U+200B>", true, "", "aaa\u200b"},
		{"a whole mark deleted beside one alike", "a\u200b\u200dc", "a<U+200D>c", true, "", "a\u200dc"},
		{"a whole mark deleted after one alike", "a\u200b\u200dc", "a<U+200B>c", true, "", "a\u200bc"},
		{"a whole mark deleted before a <", "a\u200b<b", "a<b", true, "", "a<b"},
	} {
		if got := Edited(tc.stored, tc.typed, tc.oneLine, tc.tab); got != tc.want {
			t.Errorf("%s: Edited(%q, %q) = %q, want %q", tc.name, tc.stored, tc.typed, got, tc.want)
		}
	}
}

// FuzzEdited: a field shown and left as it was stores what was stored,
// and text typed after it is added to it, nothing else changed; typed
// before it, as much is added.
func FuzzEdited(f *testing.F) {
	f.Add("combining \u200b zws", "X", true)
	f.Add("Sp\x1b[1mker\ttab\nline", "more", false)
	f.Fuzz(func(t *testing.T, stored, add string, oneLine bool) {
		add = Strip(add, false)
		shown := sanitize(stored, oneLine)
		if got := Edited(stored, shown, oneLine, ""); got != stored {
			t.Fatalf("unchanged %q stored as %q", stored, got)
		}
		if got := Edited(stored, shown+add, oneLine, ""); got != stored+add {
			t.Fatalf("%q with %q typed after: %q", stored, add, got)
		}
		// Typed before, it may be told from what was shown only as far as
		// the two differ (" " before a line shown as " "): the text stored
		// shows as both would.
		if got := Edited(stored, add+shown, oneLine, ""); sanitize(got, oneLine) != sanitize(add+stored, oneLine) || len(got) != len(stored)+len(add) {
			t.Fatalf("%q with %q typed before: %q", stored, add, got)
		}
	})
}
