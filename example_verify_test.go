package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/native"
	"chrono/model/verbatim"
)

// exampleArticle is the syndicated article the example investigation
// is drawn from, kept beside the repository when it is at hand.
const exampleArticle = "../shared/seed/nso-bags-of-cash.txt"

// TestExampleQuotesVerify: every quote of the example investigation,
// and every date text it anchors to a source, is in its article
// verbatim: none needs a normalisation rule (want lists any that may).
func TestExampleQuotesVerify(t *testing.T) {
	article, err := os.ReadFile(exampleArticle)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("the example's article %s is not here", exampleArticle)
	}
	if err != nil {
		t.Fatal(err)
	}
	var c model.Collect
	if err := native.Read(bytes.NewReader(example), &c); err != nil {
		t.Fatal(err)
	}
	want := map[string]verbatim.Rules{}
	x := verbatim.NewIndex(string(article))
	n := 0
	for _, e := range c.Timeline.Events {
		for i, q := range e.Quotes {
			n++
			r := x.Check(q.Text)
			switch {
			case r.State == verbatim.NotFound:
				t.Errorf("%s quote %d is not in the article: %s", e.ID, i+1, verbatim.DiffString(r.Diff))
			case r.Rules != want[q.Text]:
				t.Errorf("%s quote %d is %s, needing %s; want %s", e.ID, i+1, r.State, r.Rules, want[q.Text])
			}
			t.Logf("%s quote %d: %s (%s)", e.ID, i+1, r.State, r.Rules)
		}
		if e.DateText != "" {
			n++
			if r := x.Check(e.DateText); r.State != verbatim.Verbatim {
				t.Errorf("%s date text %q is %s: %s", e.ID, e.DateText, r.State, verbatim.DiffString(r.Diff))
			}
		}
	}
	if n == 0 {
		t.Fatal("the example has no quotes")
	}
}

// TestExampleVerifiesWithItsArticle: the article attached to the
// example's sources (the Post's report as the syndicated rewrite quotes
// it, and the rewrite itself), chrono verify finds every quote verbatim
// and exits 0.
func TestExampleVerifiesWithItsArticle(t *testing.T) {
	if _, err := os.Stat(exampleArticle); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("the example's article %s is not here", exampleArticle)
	}
	db := newDB(t)
	if r := chrono(t, db, "", "import", "timeline.example.json"); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	for _, src := range []string{"wapo", "occupy-democrats"} {
		if r := chrono(t, db, "", "source", "attach", src, exampleArticle); r.code != 0 {
			t.Fatalf("attach to %s: %+v", src, r)
		}
	}
	r := chrono(t, db, "", "verify")
	if r.code != 0 || !strings.HasSuffix(r.stdout, "17 quotes: 17 verbatim, 0 normalised, 0 not found, 0 unchecked; each against its source's latest snapshot\n") {
		t.Errorf("verify: %+v", r)
	}
}
