package stored

import (
	"bytes"
	"encoding/binary"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"chrono/model"
)

// codecEvents are events with every field the codec writes, in the forms
// it must keep apart or bring together.
func codecEvents() []model.Event {
	var manyTags []string
	for i := range 300 { // a count that takes two bytes
		manyTags = append(manyTags, "tag-"+strings.Repeat("x", i%7)+string(rune('a'+i%26))+string(rune('0'+i/26)))
	}
	long := strings.Repeat("Ünïcödé ✓ 日本語 🙂 ", 2000) // a length that takes three bytes
	events := []model.Event{
		{
			ID:         "rich:event_1.v2",
			Date:       model.MustParseDate("2017-08-14T09:30:00+05:30/2018-02~"),
			DateText:   "from that morning to « early next year »",
			DateSource: "wapo",
			Title:      "NSO offers \"bags of cash\" — 現金の袋",
			Summary:    "A summary\nover two lines,\twith a tab and a NUL \x00 byte.",
			Status:     model.Denied,
			Actors:     []string{"NSO Group", "Omri Lavie", "Müller", "NSO Group"},
			Tags:       []string{"ss7", "cash-offer", "à suivre"},
			Quotes: []model.Quote{
				{Text: "We drop bags of cash at your office", Speaker: "Omri Lavie", Source: "wapo", Context: "in Miller’s account", Stance: model.Asserts},
				{Text: "only text"},
				{Text: "denied", Source: "nso", Stance: model.Denies},
			},
			Links: []model.Link{
				{Rel: model.DisputedBy, Event: "nso-denial"},
				{Rel: model.Follows, Event: "fbi-tip"},
				{Rel: model.Related, Event: "x"},
			},
			Notes: []model.Note{
				{Text: "check the call logs", At: time.Date(2024, 2, 29, 23, 59, 59, 123456789, time.UTC), Author: "ana@desk-3"},
				{Text: "no time known", Author: "Jürgen Müller"},
				{Text: "from another zone", At: time.Date(1999, 12, 31, 23, 0, 0, 0, time.FixedZone("", -9*3600-30*60))},
				{Text: "rewritten by another", At: time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC), Author: "bo",
					Edited: time.Date(2026, 12, 5, 11, 30, 0, 987654321, time.FixedZone("", 3600)), EditedBy: "cy"},
				{Text: "edited, by no one known", Author: "bo", Edited: time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)},
				{Text: "edited, when unknown", EditedBy: "cy"},
			},
		},
		{ID: "minimal", Title: "undated, with nothing else"},
		{ID: "empty-lists", Title: "empty, not nil",
			Actors: []string{}, Tags: []string{}, Quotes: []model.Quote{}, Links: []model.Link{}, Notes: []model.Note{}},
		{ID: "long", Date: model.MustParseDate("Y-170000"), Title: long, Summary: long, Tags: manyTags,
			Actors: manyTags, Notes: []model.Note{{Text: long}}},
		{ID: "bce", Date: model.MustParseDate("-0043-03-15"), Title: "Ides of March", Status: model.Confirmed},
		{ID: "open", Date: model.MustParseDate("../2016"), Title: "open start", Status: model.Reported},
		{ID: "unknown-end", Date: model.MustParseDate("2019?/"), Title: "unknown end", Status: model.Alleged},
		{ID: "unspecified", Date: model.MustParseDate("201X"), Title: "some year of the 2010s", Status: model.Disputed},
		{ID: "season", Date: model.MustParseDate("2021-21"), Title: "spring", Quotes: []model.Quote{{Text: "q", Stance: model.Context}}},
		{ID: "empty-strings", Title: "", Actors: []string{""}, Tags: []string{""}, Quotes: []model.Quote{{}}, Links: []model.Link{{}}, Notes: []model.Note{{}}},
		{ID: "pictured", Title: "with media", Notes: []model.Note{{Text: "seen", Author: "ana"}},
			Media: []model.Medium{
				{URL: "https://example.org/photo.jpg", Caption: "The office in Herzliya, 2016", Credit: "Reuters/Ammar Awad",
					Title: "NSO's office", Alt: "A glass building", Thumbnail: "https://example.org/t.jpg", Link: "https://example.org/story"},
				{URL: "https://youtu.be/xyz"},
				{Caption: long},
			}},
		{ID: "told-start", Title: "date text of the start", Date: model.MustParseDate("2017-08/2018"),
			DateText: "Summer 2017", DateTextOf: model.DateTextStart},
		{ID: "told-ends", Title: "date text of both ends, with media", Date: model.MustParseDate("1943/1946"),
			DateText: "Summer 1943 – early 1946", DateTextOf: model.DateTextEnds,
			Notes: []model.Note{{Text: "redone", EditedBy: "cy"}},
			Media: []model.Medium{{URL: "https://example.org/map"}}},
		{ID: "pictured-edited", Title: "with media and an edited note",
			Notes: []model.Note{{Text: "redone", EditedBy: "cy"}, {Text: "as written"}},
			Media: []model.Medium{{URL: "https://example.org/map", Caption: "where it was", Credit: "OpenStreetMap"}}},
	}
	return events
}

// decoders are the two ways of decoding a value, which read alike.
var decoders = []struct {
	name   string
	decode func([]byte) (model.Event, error)
}{{"copied", Decode}, {"whole", DecodeWhole}}

func TestCodecRoundTrip(t *testing.T) {
	for _, e := range codecEvents() {
		t.Run(e.ID, func(t *testing.T) {
			enc := Encode(nil, &e)
			for _, d := range decoders[1:] {
				got, err := d.decode(slices.Clone(enc))
				if err != nil {
					t.Fatalf("%s: %v", d.name, err)
				}
				if !model.SameEvent(&got, &e) {
					t.Errorf("%s: decoded\n%+v\nwant\n%+v", d.name, got, e)
				}
			}
			got, err := Decode(enc)
			if err != nil {
				t.Fatal(err)
			}
			if !model.SameEvent(&got, &e) {
				t.Errorf("decoded\n%+v\nwant\n%+v", got, e)
			}
			// Empty lists come back as nil, the form the model reads.
			for name, n := range map[string]bool{
				"actors": got.Actors != nil && len(got.Actors) == 0,
				"tags":   got.Tags != nil && len(got.Tags) == 0,
				"quotes": got.Quotes != nil && len(got.Quotes) == 0,
				"links":  got.Links != nil && len(got.Links) == 0,
				"notes":  got.Notes != nil && len(got.Notes) == 0,
				"media":  got.Media != nil && len(got.Media) == 0,
			} {
				if n {
					t.Errorf("%s decoded as an empty list, not nil", name)
				}
			}
			// Encoding is stable: an import compares stored bytes to tell an
			// unchanged event.
			if again := Encode(nil, &got); !bytes.Equal(again, enc) {
				t.Error("re-encoding the decoded event gives other bytes")
			}
			if got := StatusOf(enc); got != e.Status {
				t.Errorf("valueStatus = %q, want %q", got, e.Status)
			}
			if got := ActorsOf(enc); !slices.Equal(got, e.Actors) {
				t.Errorf("valueActors = %q, want %q", got, e.Actors)
			}
			// encodeEvent appends.
			prefix := []byte("prefix")
			if got := Encode(slices.Clone(prefix), &e); !bytes.Equal(got, append(prefix, enc...)) {
				t.Error("encodeEvent does not append to dst")
			}
		})
	}
}

// TestDecodeWholeOwnsItsText: the strings of an event decoded whole are
// its own, not the value's bytes, which are the store's mapped pages and
// change under a later write.
func TestDecodeWholeOwnsItsText(t *testing.T) {
	e := codecEvents()[0]
	enc := Encode(nil, &e)
	got, err := DecodeWhole(enc)
	if err != nil {
		t.Fatal(err)
	}
	for i := range enc {
		enc[i] = 'x'
	}
	if !model.SameEvent(&got, &e) {
		t.Errorf("the event changed with the value it was decoded from:\n%+v\nwant\n%+v", got, e)
	}
}

// TestCodecReadsVersion1: a value written before notes had authors reads
// as the same event with notes by no one known, and compares equal to
// the current encoding of that event.
func TestCodecReadsVersion1(t *testing.T) {
	for _, e := range codecEvents() {
		for i := range e.Notes {
			e.Notes[i].Author, e.Notes[i].EditedBy, e.Notes[i].Edited = "", "", time.Time{}
		}
		e.Media, e.DateTextOf = nil, model.DateTextWhole // not in version 1
		enc := Encode(nil, &e)
		// Version 1 is version 2 without the authors: one empty string,
		// one byte, per note.
		v1 := slices.Clone(enc[:len(enc)-len(e.Notes)])
		v1[0] = 1
		got, err := Decode(v1)
		if err != nil {
			t.Fatalf("%s: %v", e.ID, err)
		}
		if !model.SameEvent(&got, &e) {
			t.Errorf("%s: version 1 decoded as\n%+v\nwant\n%+v", e.ID, got, e)
		}
		if cur, err := Current(v1); err != nil || !bytes.Equal(cur, enc) {
			t.Errorf("%s: currentValue of version 1 = %v; want the version 2 encoding", e.ID, err)
		}
	}
}

// TestCodecWritesVersion2UnlessANoteWasEdited: an event none of whose
// notes was edited is written in version 2, byte for byte as before
// version 3, so that a chrono from before it still reads it; one with an
// edited note is written in version 3, whose end is the notes' edit
// times and editors. Both are current: Current leaves them as they are.
func TestCodecWritesVersion2UnlessANoteWasEdited(t *testing.T) {
	edited := func(e *model.Event) bool {
		return slices.ContainsFunc(e.Notes, func(n model.Note) bool { return n.EditedBy != "" || !n.Edited.IsZero() })
	}
	var saw [2]bool
	for _, e := range codecEvents() {
		if len(e.Media) > 0 || e.DateTextOf != model.DateTextWhole {
			continue // version 4's or 5's (TestCodecWritesVersion4OnlyWithMedia, ...5OnlyForDateTextOfAPart)
		}
		enc := Encode(nil, &e)
		want := byte(2)
		if edited(&e) {
			want = 3
		}
		saw[want-2] = true
		if enc[0] != want {
			t.Errorf("%s is written in version %d, want %d", e.ID, enc[0], want)
		}
		if cur, err := Current(enc); err != nil || !bytes.Equal(cur, enc) {
			t.Errorf("%s: Current of its value = %v; want the value as it is", e.ID, err)
		}
		if want != 3 {
			continue
		}
		// Version 3 is version 2 with two strings a note at the end:
		// without the edits, the rest is what version 2 writes.
		plain := e.Clone()
		tail := 0
		for i, n := range plain.Notes {
			if !n.Edited.IsZero() {
				tail += len(n.Edited.Format(time.RFC3339Nano))
			}
			tail += 2 + len(n.EditedBy)
			plain.Notes[i].Edited, plain.Notes[i].EditedBy = time.Time{}, ""
		}
		v2 := Encode(nil, &plain)
		if !bytes.Equal(enc[1:len(enc)-tail], v2[1:]) {
			t.Errorf("%s: version 3 does not begin as version 2 of the event without its edits", e.ID)
		}
	}
	if !saw[0] || !saw[1] {
		t.Errorf("the codec's events are of versions 2, 3: %v; want both", saw)
	}
}

// TestCodecWritesVersion4OnlyWithMedia: an event with media is written
// in version 4, which is version 3 with the media at the end; every
// other event is written as before, in version 2 or 3, byte for byte,
// so that media cost an event without them nothing and a chrono from
// before them still reads it. Values of version 4 are current.
func TestCodecWritesVersion4OnlyWithMedia(t *testing.T) {
	saw := 0
	for _, e := range codecEvents() {
		if len(e.Media) == 0 {
			continue
		}
		e.DateTextOf = model.DateTextWhole // version 5's
		saw++
		enc := Encode(nil, &e)
		if enc[0] != 4 {
			t.Errorf("%s, with media, is written in version %d, want 4", e.ID, enc[0])
		}
		if cur, err := Current(enc); err != nil || !bytes.Equal(cur, enc) {
			t.Errorf("%s: Current of its value = %v; want the value as it is", e.ID, err)
		}
		plain := e.Clone()
		plain.Media = nil
		before := Encode(nil, &plain)
		if before[0] == 4 {
			t.Fatalf("%s without media is written in version 4", e.ID)
		}
		// Version 3's end, the notes' edits: two strings a note, empty
		// for a note no one edited.
		var edits []byte
		if before[0] == 2 {
			edits = make([]byte, 2*len(e.Notes))
		}
		head := append(slices.Clone(before[1:]), edits...)
		if !bytes.HasPrefix(enc[1:], head) {
			t.Errorf("%s: version 4 does not begin as version 3 of the event without its media", e.ID)
		}
		got, err := Decode(enc[:1+len(head)+1])
		if err == nil {
			t.Errorf("%s: a value cut after its media's count decodes as %+v", e.ID, got)
		}
	}
	if saw < 2 {
		t.Fatalf("%d of the codec's events have media; want 2 or more", saw)
	}
	// A value of version 4 whose media cannot be read says which medium.
	e := model.Event{ID: "cut", Title: "t", Media: []model.Medium{{URL: "u1"}, {URL: "u2", Caption: "c2"}}}
	enc := Encode(nil, &e)
	i := bytes.LastIndex(enc, []byte("c2"))
	if _, err := Decode(enc[:i+1]); !errors.Is(err, ErrUnreadable) || !strings.Contains(err.Error(), "its medium 2's caption") {
		t.Errorf("cut in the second medium's caption: error %v, want one naming it", err)
	}
}

// TestCodecWritesVersion5OnlyForDateTextOfAPart: the part of the date
// its date text names is written after the media, in version 5, only
// for an event whose date text names a part; any other value is as
// version 4 or before wrote it, which a chrono of version 4 reads.
func TestCodecWritesVersion5OnlyForDateTextOfAPart(t *testing.T) {
	saw := 0
	for _, e := range codecEvents() {
		if e.DateTextOf == model.DateTextWhole {
			if enc := Encode(nil, &e); enc[0] > 4 {
				t.Errorf("%s, its date text of the whole date, is written in version %d", e.ID, enc[0])
			}
			continue
		}
		saw++
		enc := Encode(nil, &e)
		if enc[0] != 5 {
			t.Errorf("%s, its date text of a part, is written in version %d, want 5", e.ID, enc[0])
		}
		if cur, err := Current(enc); err != nil || !bytes.Equal(cur, enc) {
			t.Errorf("%s: Current of its value = %v; want the value as it is", e.ID, err)
		}
		whole := e.Clone()
		whole.DateTextOf = model.DateTextWhole
		before := Encode(nil, &whole)
		// Version 4's end, the media: their count, 0 when there are none.
		head := slices.Clone(before[1:])
		if len(e.Media) == 0 {
			if before[0] == 2 {
				head = append(head, make([]byte, 2*len(e.Notes))...)
			}
			head = append(head, 0)
		}
		if !bytes.HasPrefix(enc[1:], head) {
			t.Errorf("%s: version 5 does not begin as version 4 of the event with date text of the whole date", e.ID)
		}
		if got, err := Decode(enc[:1+len(head)]); err == nil {
			t.Errorf("%s: a value cut before its date_text_of decodes as %+v", e.ID, got)
		}
	}
	if saw < 2 {
		t.Fatalf("%d of the codec's events have date text of a part; want 2 or more", saw)
	}
}

func TestCodecNilAndEmptyListsEncodeAlike(t *testing.T) {
	withNil := model.Event{ID: "a", Title: "t"}
	withEmpty := model.Event{ID: "a", Title: "t", Actors: []string{}, Tags: []string{}, Quotes: []model.Quote{}, Links: []model.Link{}, Notes: []model.Note{}, Media: []model.Medium{}}
	if !bytes.Equal(Encode(nil, &withNil), Encode(nil, &withEmpty)) {
		t.Error("nil and empty lists encode differently: a re-import would see a change where there is none")
	}
}

// TestCodecRefusesDamage: a value cut short, with bytes after its end, or
// of another codec version is reported as damaged, never misread.
func TestCodecRefusesDamage(t *testing.T) {
	for _, e := range codecEvents() {
		enc := Encode(nil, &e)
		for n := range len(enc) {
			for _, d := range decoders {
				if _, err := d.decode(enc[:n]); !errors.Is(err, ErrUnreadable) {
					t.Errorf("%s cut to %d of %d bytes, %s: error %v, want ErrUnreadable", e.ID, n, len(enc), d.name, err)
				}
			}
		}
		if _, err := Decode(append(slices.Clone(enc), 0)); !errors.Is(err, ErrUnreadable) {
			t.Errorf("%s with a byte after the end: error %v, want ErrUnreadable", e.ID, err)
		}
		for _, v := range []byte{0, Version + 1, 0xFF} {
			other := slices.Clone(enc)
			other[0] = v
			if _, err := Decode(other); !errors.Is(err, ErrUnreadable) {
				t.Errorf("%s as codec version %d: error %v, want ErrUnreadable", e.ID, v, err)
			}
		}
	}
	// A text section holding more than its fields.
	e := model.Event{ID: "padded", Title: "t", Tags: []string{"x"}}
	enc := Encode(nil, &e)
	textLen, n := binary.Uvarint(enc[2:])
	text := enc[2+n : 2+n+int(textLen)]
	padded := binary.AppendUvarint([]byte{enc[0], 0}, textLen+1)
	padded = append(append(padded, text...), 0)
	padded = append(padded, enc[2+n+int(textLen):]...)
	if _, err := Decode(padded); !errors.Is(err, ErrUnreadable) {
		t.Errorf("a text section with a byte to spare: error %v, want ErrUnreadable", err)
	}

	// A damaged date or note time.
	bad := model.Event{ID: "bad", Title: "t", Notes: []model.Note{{Text: "n", At: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}}}
	enc = Encode(nil, &bad)
	if v := bytes.Replace(enc, []byte("2020-01-01T00:00:00Z"), []byte("2020-13-01T00:00:00Z"), 1); bytes.Equal(v, enc) {
		t.Error("the note time is not stored as RFC 3339: update this test")
	} else if _, err := Decode(v); !errors.Is(err, ErrUnreadable) {
		t.Errorf("note time 2020-13-01: error %v, want ErrUnreadable", err)
	}
	dated := model.Event{ID: "dated", Title: "t", Date: model.MustParseDate("2017-08")}
	v := bytes.Replace(Encode(nil, &dated), []byte("2017-08"), []byte("2017-13"), 1)
	if bytes.Equal(v, Encode(nil, &dated)) {
		t.Fatal("the date is not stored as EDTF: update this test")
	}
	if _, err := Decode(v); !errors.Is(err, ErrUnreadable) || !strings.Contains(err.Error(), `"dated"`) {
		t.Errorf("date 2017-13: error %v, want ErrUnreadable naming the event", err)
	}
}

// TestCodecNamesTheItem: an error in a list's item says which item, by
// its number from 1.
func TestCodecNamesTheItem(t *testing.T) {
	e := model.Event{ID: "listed", Title: "t", Quotes: []model.Quote{{Text: "a", Source: "s1"}, {Text: "b", Source: "s2"}}}
	enc := Encode(nil, &e)
	// The second quote's source is the last field before the links: cut
	// the value inside it.
	i := bytes.LastIndex(enc, []byte("s2"))
	if i < 0 {
		t.Fatal("the quote's source is not stored as is: update this test")
	}
	_, err := Decode(enc[:i+1])
	if !errors.Is(err, ErrUnreadable) || !strings.Contains(err.Error(), "its quote 2's source") {
		t.Errorf("cut in the second quote's source: error %v, want one naming it", err)
	}
}

// FuzzDecodeEvent feeds arbitrary bytes to the decoder: it must never
// panic, must report what it cannot read as damaged, and what it can read
// must encode and decode back to itself.
func FuzzDecodeEvent(f *testing.F) {
	for _, e := range codecEvents() {
		// Large seeds slow every mutation and minimisation down; the
		// small ones cover every field.
		if enc := Encode(nil, &e); len(enc) <= 4<<10 {
			f.Add(enc)
		}
	}
	for _, seed := range [][]byte{nil, {Version}, {Version, 0, 0}, {Version, 9, 0, 0, 0, 0, 0}, {Version, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01}} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := Decode(data)
		status, actors := StatusOf(data), ActorsOf(data)
		if err != nil {
			if !errors.Is(err, ErrUnreadable) {
				t.Fatalf("error %v is not ErrUnreadable", err)
			}
			return
		}
		if status != e.Status || !slices.Equal(actors, e.Actors) {
			t.Errorf("valueStatus, valueActors = %q, %q; Decode says %q, %q", status, actors, e.Status, e.Actors)
		}
		again, err := Decode(Encode(nil, &e))
		if err != nil {
			t.Fatalf("the re-encoded event does not decode: %v\n%+v", err, e)
		}
		if !model.SameEvent(&again, &e) {
			t.Errorf("round trip changed the event:\n%+v\n%+v", e, again)
		}
	})
}
