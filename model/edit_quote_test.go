package model

import (
	"errors"
	"strings"
	"testing"
)

// TestSaveQuote: a quote is added, or replaced while it is as it was; a
// new source is written with it, in the same entry, and cited.
func TestSaveQuote(t *testing.T) {
	said := Quote{Text: "bags of cash", Speaker: "Lavie"}
	w := newMemWriter(Event{ID: "call", Title: "The call", Quotes: []Quote{said}})

	add := SaveQuote{Event: "call", Quote: Quote{Text: "we deny it"}, NewSource: &Source{Publisher: "The Post", Title: "Denial"}}
	if got := add.Change(w.events["call"]); len(got.Quotes) != 2 {
		t.Fatalf("shown %+v", got.Quotes)
	}
	if _, revert, err := add.Apply(w); err != nil || revert == nil {
		t.Fatalf("add: %v, revert %v", err, revert)
	}
	q := w.events["call"].Quotes[1]
	if q.Text != "we deny it" || q.Source == "" {
		t.Fatalf("added %+v", q)
	}
	if _, ok := w.sources[q.Source]; !ok || len(w.journal) != 1 {
		t.Fatalf("source %q not written in the quote's entry (%d entries)", q.Source, len(w.journal))
	}

	edit := SaveQuote{Event: "call", N: 1, Base: said, Quote: Quote{Text: "bags of cash", Speaker: "Omri Lavie"}}
	if _, _, err := edit.Apply(w); err != nil {
		t.Fatal(err)
	}
	if got := w.events["call"].Quotes[0].Speaker; got != "Omri Lavie" {
		t.Errorf("speaker %q", got)
	}
	// The same edit again: its base is no longer the stored quote.
	if _, _, err := edit.Apply(w); !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), `event "call": quote 1`) {
		t.Errorf("stale edit: %v", err)
	}
	// A new source the store refuses leaves no quote either.
	bad := SaveQuote{Event: "call", Quote: Quote{Text: "x"}, NewSource: &Source{ID: "Bad Id"}}
	if _, _, err := bad.Apply(w); err == nil || len(w.events["call"].Quotes) != 2 {
		t.Errorf("bad source: %v, %d quotes", err, len(w.events["call"].Quotes))
	}
}

// TestSourceEdits: a source is added, saved against its base (merged
// with a change made meanwhile to other fields), and removed only while
// nothing cites it.
func TestSourceEdits(t *testing.T) {
	w := newMemWriter(Event{ID: "call", Title: "The call", Quotes: []Quote{{Text: "x", Source: "post"}}})
	post := Source{ID: "post", Publisher: "The Post"}
	if _, _, err := (SaveSource{Source: post}).Apply(w); err != nil {
		t.Fatal(err)
	}
	renamed := post
	renamed.Title = "Denial"
	if _, _, err := (SaveSource{Base: &post, Source: renamed}).Apply(w); err != nil || w.sources["post"].Title != "Denial" {
		t.Fatalf("edit: %v, %+v", err, w.sources["post"])
	}
	// Typed on the source as it was: a field left as it was keeps the
	// change made meanwhile, one changed both ways is refused.
	authored := post
	authored.Author = "Craig Timberg"
	if _, _, err := (SaveSource{Base: &post, Source: authored}).Apply(w); err != nil || w.sources["post"] != (Source{ID: "post", Publisher: "The Post", Title: "Denial", Author: "Craig Timberg"}) {
		t.Errorf("an edit beside another's: %v, %+v", err, w.sources["post"])
	}
	retitled := post
	retitled.Title = "Another title"
	var sc *SourceConflict
	if _, _, err := (SaveSource{Base: &post, Source: retitled}).Apply(w); !errors.Is(err, ErrConflict) || !errors.As(err, &sc) || sc.Field != "title" || sc.Now.Title != "Denial" {
		t.Errorf("stale edit: %v", err)
	}
	if _, _, err := (DropSource{ID: "post"}).Apply(w); err == nil || !strings.Contains(err.Error(), "cited by 1") {
		t.Errorf("cited source removed: %v", err)
	}
	if _, _, err := (SaveSource{Source: Source{ID: "tip"}}).Apply(w); err != nil {
		t.Fatal(err)
	}
	if _, _, err := (DropSource{ID: "tip"}).Apply(w); err != nil {
		t.Fatal(err)
	}
	if _, ok := w.sources["tip"]; ok {
		t.Error("tip not removed")
	}
}

// TestPurge: the trash is emptied in one entry with no revert.
func TestPurge(t *testing.T) {
	w := newMemWriter(Event{ID: "call", Title: "The call"})
	if _, _, err := (Trash{Events: []string{"call"}}).Apply(w); err != nil {
		t.Fatal(err)
	}
	_, revert, err := Purge{Events: []string{"call"}}.Apply(w)
	if err != nil || revert != nil {
		t.Fatalf("purge: %v, revert %v", err, revert)
	}
	if _, ok := w.trash["call"]; ok || w.journal[len(w.journal)-1].Op != OpPurge {
		t.Error("not purged, or not journaled as a purge")
	}
}

// TestSaveQuoteMergesAQuoteChangedInPlace: a quote another change edited
// where it stands, meanwhile, takes this edit beside that one, field by
// field; a field both changed is refused with what it holds now, and a
// quote moved or removed meanwhile is refused as before.
func TestSaveQuoteMergesAQuoteChangedInPlace(t *testing.T) {
	said := Quote{Text: "bags of cash", Speaker: "Lavie"}
	other := Quote{Text: "we deny it", Speaker: "NSO"}
	quotes := []Quote{said, other}
	theirs := said
	theirs.Context = "to the Justice Department"
	mine := said
	mine.Speaker = "Omri Lavie"
	for _, tt := range []struct {
		name     string
		now      []Quote
		mine     Quote
		want     Quote  // quote 1 after the save
		conflict string // the field refused, or "-" for a refusal of another kind
	}{
		{"another field", []Quote{theirs, other}, mine, Quote{Text: "bags of cash", Speaker: "Omri Lavie", Context: "to the Justice Department"}, ""},
		{"the same change", []Quote{mine, other}, mine, mine, ""},
		{"the same field", []Quote{{Text: "bags of cash", Speaker: "Shalev Hulio"}, other}, mine, Quote{}, "speaker"},
		{"the words", []Quote{{Text: "bags of cash!"}, other}, Quote{Text: "bags of cash.", Speaker: "Lavie"}, Quote{}, "words"},
		{"another quote changed too", []Quote{theirs, {Text: "we deny it", Speaker: "NSO Group"}}, mine, Quote{}, "-"},
		{"moved", []Quote{other, said}, mine, Quote{}, "-"},
		{"removed", []Quote{other}, mine, Quote{}, "-"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w := newMemWriter(Event{ID: "call", Title: "The call", Quotes: tt.now})
			edit := SaveQuote{Event: "call", N: 1, Base: said, Quotes: quotes, Quote: tt.mine}
			_, _, err := edit.Apply(w)
			var qc *QuoteConflict
			switch {
			case tt.conflict == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.conflict == "":
				if got := w.events["call"].Quotes[0]; got != tt.want {
					t.Errorf("quote 1 is %+v, want %+v", got, tt.want)
				}
				if shown := edit.Change(Event{ID: "call", Quotes: tt.now}).Quotes[0]; shown != tt.want {
					t.Errorf("shown at once as %+v, want %+v", shown, tt.want)
				}
			case !errors.Is(err, ErrConflict):
				t.Fatalf("saved over a change made meanwhile: %v, %+v", err, w.events["call"].Quotes)
			case tt.conflict == "-" && errors.As(err, &qc):
				t.Errorf("merged with a quote that is not the one edited: %v", err)
			case tt.conflict != "-" && (!errors.As(err, &qc) || qc.Field != tt.conflict || qc.Now != tt.now[0]):
				t.Errorf("refused with %v, want the %s named, with the quote as it is now", err, tt.conflict)
			}
		})
	}
}

// TestConflictsSayTheOtherValue: a write refused for a field another
// change made says what that change left it as, so that it can be
// settled knowing both versions.
func TestConflictsSayTheOtherValue(t *testing.T) {
	published, err := ParseDate("2022-02-01")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		err  error
		want string
	}{
		{"a quote's speaker", &QuoteConflict{Event: "call", N: 1, Field: "speaker", Now: Quote{Speaker: "Shalev Hulio"}},
			`event "call": quote 1: its speaker was changed meanwhile by another change, to “Shalev Hulio”: saving again puts yours in its place`},
		{"a quote's context emptied", &QuoteConflict{Event: "call", N: 2, Field: "context", Now: Quote{Text: "bags of cash"}}, "its context was changed meanwhile by another change, emptied:"},
		{"a quote's long words", &QuoteConflict{Event: "call", N: 1, Field: "words", Now: Quote{Text: strings.Repeat("cash ", 30)}}, "to “cash cash"},
		{"a quote's stance", &QuoteConflict{Event: "call", N: 1, Field: "stance", Now: Quote{Stance: Denies}}, "its stance was changed meanwhile by another change, to denies:"},
		{"a quote's stance taken off", &QuoteConflict{Event: "call", N: 1, Field: "stance"}, "to none stated:"},
		{"a source's title", &SourceConflict{ID: "post", Field: "title", Now: Source{ID: "post", Title: "Denial"}},
			`source "post": its title was changed meanwhile by another change, to “Denial”: saving again puts yours in its place`},
		{"a source's date", &SourceConflict{ID: "post", Field: "published", Now: Source{ID: "post", Published: published}}, "its date of publication was changed meanwhile by another change, to 1 Feb 2022:"},
		{"the description emptied", &HeaderConflict{Field: "description", Now: Header{Title: "NSO"}}, "the investigation's description was changed meanwhile by another change, emptied:"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); !strings.Contains(got, tt.want) {
				t.Errorf("said %q, want it to hold %q", got, tt.want)
			}
		})
	}
}

// TestSaveQuotePhraseNamesTheNewSource: the journal and the status line
// name the source a quote made on the spot, as they name the event.
func TestSaveQuotePhraseNamesTheNewSource(t *testing.T) {
	s := SaveQuote{Event: "fbi-tip", Quote: Quote{Text: "q"}, NewSource: &Source{ID: "wapo", Publisher: "The Washington Post"}}
	if got, want := s.Phrase(), "added a quote to fbi-tip, citing a new source, wapo"; got != want {
		t.Errorf("Phrase() = %q, want %q", got, want)
	}
	// Made without an id, the source is named by the one the write gave
	// it, which the quote changed cites.
	s.NewSource = &Source{Publisher: "The Washington Post"}
	after := Event{ID: "fbi-tip", Quotes: []Quote{{Text: "old", Source: "nyt"}, {Text: "q", Source: "the-washington-post"}}}
	if got, want := s.PhraseDone([]Change{{After: after}}), "added a quote to fbi-tip, citing a new source, the-washington-post"; got != want {
		t.Errorf("PhraseDone() = %q, want %q", got, want)
	}
	if got, want := s.PhraseDone(nil), "added a quote to fbi-tip, citing a new source"; got != want {
		t.Errorf("PhraseDone(nil) = %q, want %q", got, want)
	}
	if got, want := (AddNote{ID: "fbi-tip", Text: "n"}).Phrase(), "added a note to fbi-tip"; got != want {
		t.Errorf("AddNote Phrase() = %q, want %q", got, want)
	}
}
