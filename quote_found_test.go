package main

import (
	"strings"
	"testing"
)

// TestQuoteAddWarnsWhenNotFound: a quote added on the command line to a
// source with a snapshot is checked against it as it is added, as the
// browser marks it on saving; one not there, even normalised, is said
// with its closest passage and how to take it back, and stays added.
func TestQuoteAddWarnsWhenNotFound(t *testing.T) {
	db := attachedStore(t, "article.txt", wapoText)
	for _, tc := range []struct {
		name, text, source string
		warning            []string // each in stderr; none when empty
	}{
		{"verbatim", "We drop bags of money at your office", "wapo", nil},
		{"normalised", `"We drop bags of money at your office,"`, "wapo", nil},
		{"a word changed", "We drop bags of cash at your office", "wapo", []string{
			"warning: quote 4 of nso-mobileum-call is not in source wapo's latest snapshot (1), even normalised\n",
			"    the closest passage, in the source's words:\n      We drop bags of money at your office\n",
			"    the difference, [-in the quote-]{+in the source+}:\n      We drop bags of [-cash-]{+money+} at your office\n",
			"chrono quote rm nso-mobileum-call 4 removes it, chrono undo takes it back",
		}},
		{"no word there", "zebra quokka", "wapo", []string{"no word of it is in the snapshot"}},
		{"no snapshot", "anything at all", "occupy-democrats", nil},
		{"no source", "anything at all", "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"quote", "add", "nso-mobileum-call", "--text", tc.text, "--at", "4"}
			if tc.source != "" {
				args = append(args, "--source", tc.source)
			}
			r := chrono(t, db, "", args...)
			if r.code != 0 || !strings.HasPrefix(r.stdout, "added a quote to nso-mobileum-call") {
				t.Fatalf("quote add: %+v", r)
			}
			if len(tc.warning) == 0 && r.stderr != "" {
				t.Errorf("stderr for a quote that needs no warning: %q", r.stderr)
			}
			for _, w := range tc.warning {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr %q lacks %q", r.stderr, w)
				}
			}
			if r := chrono(t, db, "", "quote", "rm", "nso-mobileum-call", "4"); r.code != 0 {
				t.Fatalf("quote rm: %+v", r)
			}
		})
	}
}
