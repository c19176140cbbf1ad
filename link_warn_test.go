package main

import (
	"strings"
	"testing"
)

// TestLinkSaysWhatItMakesImpossible: a link of order that the dates
// contradict, or that closes a cycle, is made and said on stderr with
// what to do; one that fits says nothing more. Before, it was made
// without a word and found only by a ↯ later.
func TestLinkSaysWhatItMakesImpossible(t *testing.T) {
	db := exampleDB(t)
	r := chrono(t, db, "", "link", "khashoggi-killed", "follows", "post-publishes")
	if r.code != 0 || !strings.Contains(r.stderr, "warning: ") || !strings.Contains(r.stderr, "the link is recorded as given: correct a date, or chrono unlink it") {
		t.Errorf("a link its dates contradict: exit %d, %q", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "chrono orders both by their dates, setting the link aside") {
		t.Errorf("a link its dates contradict: %q does not say the order sets it aside", r.stderr)
	}
	r = chrono(t, db, "", "link", "commerce-entity-list", "precedes", "apple-sues-nso")
	if r.code != 0 || r.stderr != "" {
		t.Errorf("a link that fits: exit %d, %q", r.code, r.stderr)
	}
	// One that fits its own dates but carries on the chain of the link
	// set aside: the publication of 2022, which the killing follows, is
	// put before the suit of 2021 too, and the suit is named.
	r = chrono(t, db, "", "link", "khashoggi-killed", "precedes", "apple-sues-nso")
	if r.code != 0 || !strings.Contains(r.stderr, `which with the other links puts "post-publishes" before "apple-sues-nso"`) {
		t.Errorf("a link that carries on a chain set aside: exit %d, %q", r.code, r.stderr)
	}
}
