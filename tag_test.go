package main

import (
	"strings"
	"testing"

	"chrono/model"
	"chrono/store"
)

// TestTagSaysWhatItChanged: tag and untag name each tag once, as the
// event holds it, and only what they changed; a tag is typed as chrono
// shows it (#"a b") or as it is, in any case or composition. Before,
// "tag e c C" said it added both, "untag e d d" removed #d twice, and
// #"a b" named no tag.
func TestTagSaysWhatItChanged(t *testing.T) {
	db := newDB(t)
	if r := chrono(t, db, "", "add", "--id", "e", "--title", "E"); r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	steps := []struct {
		args []string
		out  string
	}{
		{[]string{"tag", "e", "café", "cafe\u0301", "c", "C"}, "tagged e with #café #c\n"},
		{[]string{"tag", "e", "C", "a b", "x"}, "tagged e with #\"a b\" #x (it had #c)\n"},
		{[]string{"untag", "e", "#\"a b\"", "#\"a b\""}, "removed #\"a b\" from e\n"},
		{[]string{"tag", "e", "X"}, "e already has #x\n"},
		{[]string{"list", "--tag", "CAFE\u0301"}, "undated  -  e  E  #café #c #x\n"},
	}
	for _, s := range steps {
		if r := chrono(t, db, "", s.args...); r.code != 0 || r.stdout != s.out {
			t.Errorf("chrono %s: exit %d, %q %q; want %q", strings.Join(s.args, " "), r.code, r.stdout, r.stderr, s.out)
		}
	}
}

// TestUntagATagTheRulesNowRefuse: a tag a store holds from before a rule
// refused it (a control of the direction of text) is removed by name;
// untag refused it as a tag to add.
func TestUntagATagTheRulesNowRefuse(t *testing.T) {
	db := newDB(t)
	if r := chrono(t, db, "", "add", "--id", "e", "--title", "E"); r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	const bad = "bidi\u202etag"
	tagAsBefore(t, db, "e", bad)
	if r := chrono(t, db, "", "untag", "e", bad); r.code != 0 {
		t.Errorf("untag of a tag held from before: exit %d, %q", r.code, r.stderr)
	}
	if r := chrono(t, db, "", "tag", "e", bad); r.code != exitUsage {
		t.Errorf("tag with it: exit %d, want it refused", r.code)
	}
}

// TestCheckFindsTagsAnExportWouldNotImport: a store made before a rule
// may hold an event with one tag written two ways (café as one letter
// and as e and an accent) or a tag chrono now refuses; check names each,
// with the command that removes it, as an export of it would not import.
// check said all was well.
func TestCheckFindsTagsAnExportWouldNotImport(t *testing.T) {
	db := newDB(t)
	if r := chrono(t, db, "", "add", "--id", "e", "--title", "E", "--tag", "café"); r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	if r := chrono(t, db, "", "check", "--store"); r.code != 0 || !strings.Contains(r.stdout, "tags: every tag is one an export imports back") {
		t.Errorf("check of a sound store: %+v", r)
	}
	tagAsBefore(t, db, "e", "cafe\u0301", "bidi\u202etag")
	r := chrono(t, db, "", "check", "--store")
	for _, want := range []string{"tags: event \"e\": tag \"cafe\\u0301\" is \"caf\\u00e9\" written otherwise, one tag: remove it with chrono untag e cafe\u0301\n", `remove it with chrono untag e $'bidi\u202etag'`, "2 tags an export of this store would not import"} {
		if !strings.Contains(r.stdout+r.stderr, want) {
			t.Errorf("check --store does not say %q:\n%s%s", want, r.stdout, r.stderr)
		}
	}
	if r.code != 1 {
		t.Errorf("check --store: exit %d", r.code)
	}
}

// tagAsBefore adds tags to event id of the store at db as a chrono made
// before a rule that refuses them would have: written to the store
// without the checks of tag.
func tagAsBefore(t *testing.T, db, id string, tags ...string) {
	t.Helper()
	s, err := store.Open(db, store.Options{Author: "older@chrono"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Write(model.OpTag, "an older tag", func(tx model.Tx) error {
		e, err := tx.Event(id)
		if err != nil {
			return err
		}
		e.Tags = append(e.Tags, tags...)
		return tx.PutEvent(e)
	}); err != nil {
		t.Fatal(err)
	}
}

// TestEmptyTagSaysWhatATagIs: a tag given as an empty argument or a
// lone # is refused, exit 2, with what a tag is and how to remove one,
// as an empty one may have been meant to take tags away. It said only
// "tag: empty".
func TestEmptyTagSaysWhatATagIs(t *testing.T) {
	db := newDB(t)
	if r := chrono(t, db, "", "add", "--id", "e", "--title", "E"); r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	const adding = "chrono: tag: empty: a tag is a word or phrase an event is filed under (ss7, cash-offer), which chrono list --tag finds; to remove a tag from an event, run chrono untag ID TAG\n"
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"tag", "e", ""}, adding},
		{[]string{"tag", "e", "x", "#"}, adding},
		{[]string{"add", "--title", "F", "--tag", ""}, adding},
		{[]string{"untag", "e", ""}, "chrono: tag: empty: name a tag the event has, as chrono show ID lists them\n"},
	} {
		r := chrono(t, db, "", c.args...)
		first, _, _ := strings.Cut(r.stderr, "Run ")
		if r.code != exitUsage || first != c.want {
			t.Errorf("chrono %q: exit %d, %q; want exit %d, %q", c.args, r.code, r.stderr, exitUsage, c.want)
		}
	}
}
