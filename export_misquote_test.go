package main

import (
	"strings"
	"testing"
)

// TestMarkdownDraftWarnsOfMisquotes: a Markdown draft, written for a
// story, says how many of its quotes verify does not find in their
// sources' snapshots; the evidence export said so, the draft not.
func TestMarkdownDraftWarnsOfMisquotes(t *testing.T) {
	const warning = "in the draft not found in"
	sound := attachedStore(t, "article.txt", strings.Replace(wapoText, "bags of money", "bags of cash", 1))
	if r := chrono(t, sound, "", "verify"); r.code != 0 {
		t.Fatalf("verify of the sound store: %+v", r)
	}
	if r := chrono(t, sound, "", "export", "--format", "markdown"); r.code != 0 || strings.Contains(r.stderr, warning) {
		t.Errorf("export of a store whose quotes are all found: %+v", r)
	}
	altered := attachedStore(t, "article.txt", wapoText) // "bags of money": one quote not found
	r := chrono(t, altered, "", "export", "--format", "markdown")
	if r.code != 0 || !strings.Contains(r.stderr, "warning: 1 quote in the draft not found in its source's snapshot; chrono verify lists it") {
		t.Errorf("export of a draft with a misquote: %+v", r)
	}
	// A draft of events that quote nothing reads no snapshot.
	if r := chrono(t, altered, "", "export", "--format", "markdown", "--tag", "context"); r.code != 0 || strings.Contains(r.stderr, warning) {
		t.Errorf("export of events without the misquote: %+v", r)
	}
}
