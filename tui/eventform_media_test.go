package tui

import (
	"reflect"
	"strings"
	"testing"

	"chrono/model"

	"github.com/charmbracelet/x/exp/golden"
)

// TestReadMedia: the media field reads a medium to a block, its url
// first and its other fields named; what it cannot read is refused with
// the line and what to write.
func TestReadMedia(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []model.Medium
		err        string
	}{
		{name: "empty", text: "\n \n"},
		{name: "a url alone", text: "https://example.org/a.jpg", want: []model.Medium{{URL: "https://example.org/a.jpg"}}},
		{
			name: "every field, and a second medium",
			text: "https://example.org/a.jpg\ncaption: Hulio at the Limassol meeting\nCredit:  Andreas Kyriakou \ntitle: The meeting\nalt: Two men\n  at a table\nthumbnail: https://example.org/t.jpg\nlink: https://example.org/story\n\nurl: https://youtu.be/xyz\ncaption: A report",
			want: []model.Medium{
				{URL: "https://example.org/a.jpg", Caption: "Hulio at the Limassol meeting", Credit: "Andreas Kyriakou", Title: "The meeting",
					Alt: "Two men\nat a table", Thumbnail: "https://example.org/t.jpg", Link: "https://example.org/story"},
				{URL: "https://youtu.be/xyz", Caption: "A report"},
			},
		},
		{name: "a field before any url", text: "caption: Hulio", err: "media line 1: caption with no medium: write the medium's url on the line above"},
		{name: "a caption typed as a url", text: "https://example.org/a.jpg\nHulio at the meeting", err: "media line 2: \"Hulio at the meeting\" is not a url (it has spaces)"},
		{name: "a field twice", text: "https://example.org/a.jpg\ncaption: a\ncaption: b", err: "media line 3: a second caption for medium #1"},
		{name: "an empty url", text: "url:\ncaption: a", err: "media line 1: url missing"},
		{name: "indented blank lines after a caption", text: "https://example.org/a.jpg\ncaption: a\n  \n\t\n\nhttps://example.org/b.jpg",
			want: []model.Medium{{URL: "https://example.org/a.jpg", Caption: "a"}, {URL: "https://example.org/b.jpg"}}},
		{name: "an indented line under a url", text: "https://example.org/a.jpg\n  more", err: "media line 2: an indented line goes on with the caption or alt text above it"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := readMedia(c.text)
			switch {
			case c.err != "" && (err == nil || !strings.HasPrefix(err.Error(), c.err)):
				t.Fatalf("error %v, want one starting %q", err, c.err)
			case c.err == "" && err != nil:
				t.Fatal(err)
			case !reflect.DeepEqual(got, c.want):
				t.Errorf("read %+v\nwant %+v", got, c.want)
			}
			if _, ok := fieldOf(cmpErr(err)); c.err != "" && !ok {
				t.Errorf("the error %q names no field of the form", err)
			}
		})
	}
}

func cmpErr(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestMediaTextReadsBack: media written in the field read back as they
// are, a caption of several lines (one blank) and a url that looks like
// a field's name too.
func TestMediaTextReadsBack(t *testing.T) {
	media := []model.Medium{
		{URL: "https://example.org/a.jpg", Caption: "Hulio at the Limassol meeting,\nwith the broker\n\nOn the quay", Credit: "Andreas Kyriakou", Title: "The meeting",
			Alt: "Two men", Thumbnail: "https://example.org/t.jpg", Link: "https://example.org/story"},
		{URL: "link:example", Caption: "A report"},
	}
	got, err := readMedia(mediaText(media))
	if err != nil || !reflect.DeepEqual(got, media) {
		t.Errorf("read back %+v, %v\nwant %+v", got, err, media)
	}
}

// mediaForm opens the event form on "pictured" of mediaDoc with the
// cursor in its media, and returns the form.
func mediaForm(t *testing.T, d *driver) *eventForm {
	t.Helper()
	d.to("pictured")
	d.keys("E", "shift+tab", "shift+tab") // the field before the summary
	f, ok := d.openDialog().(*eventForm)
	if !ok || f.focus != fieldMedia {
		t.Fatalf("the form is not open at its media: %T", d.openDialog())
	}
	return f
}

// TestEventFormEditsMedia: the event form adds a medium, changes one and
// removes one; what it leaves as it was (a caption's escape sequence)
// stays as stored.
func TestEventFormEditsMedia(t *testing.T) {
	s := storeOf(t, mediaDoc)
	d := newDriver(t, s, 120, 40)
	before := event(t, s, "pictured")
	mediaForm(t, d)
	d.keys("enter")
	d.typeText("https://example.org/new.jpg")
	d.keys("enter")
	d.typeText("caption: The broker's car")
	d.keys("ctrl+s")
	added := event(t, s, "pictured")
	want := append(before.Clone().Media, model.Medium{URL: "https://example.org/new.jpg", Caption: "The broker's car"})
	if !reflect.DeepEqual(added.Media, want) {
		t.Fatalf("media after adding one:\n%+v\nwant\n%+v", added.Media, want)
	}

	f := mediaForm(t, d)
	// The first medium's caption changed, its credit and title taken
	// out, and the second medium removed.
	f.media.SetValue("https://example.org/office.jpg\ncaption: NSO's office\n\nhttps://example.org/new.jpg\ncaption: The broker's car")
	d.keys("ctrl+s")
	want = []model.Medium{{URL: "https://example.org/office.jpg", Caption: "NSO's office"}, {URL: "https://example.org/new.jpg", Caption: "The broker's car"}}
	if got := event(t, s, "pictured").Media; !reflect.DeepEqual(got, want) {
		t.Errorf("media after changing and removing:\n%+v\nwant\n%+v", got, want)
	}
}

// TestEventFormRefusesMediaItCannotRead: a medium without its url is
// refused with the line and what to write, the cursor in the media and
// nothing saved.
func TestEventFormRefusesMediaItCannotRead(t *testing.T) {
	s := storeOf(t, mediaDoc)
	d := newDriver(t, s, 80, 24)
	before := event(t, s, "pictured")
	d.to("before")
	d.keys("E", "shift+tab", "shift+tab")
	d.typeText("caption: The office")
	d.keys("ctrl+s")
	f, ok := d.openDialog().(*eventForm)
	if !ok || f.focus != fieldMedia {
		t.Fatalf("the form closed, or left the media: %T", d.openDialog())
	}
	if !strings.Contains(d.screen(), "✗ media line 1: caption with no medium") {
		t.Errorf("the refusal is not shown:\n%s", d.screen())
	}
	if got := event(t, s, "before"); len(got.Media) != 0 {
		t.Errorf("saved %+v", got.Media)
	}
	if got := event(t, s, "pictured"); !reflect.DeepEqual(got, before) {
		t.Errorf("another event changed")
	}
}

// TestEventFormMediaAt80x24: at 80 by 24 the form shows every field, the
// media above the summary, which keeps the lines left.
func TestEventFormMediaAt80x24(t *testing.T) {
	d := newDriver(t, storeOf(t, mediaDoc), 80, 24)
	mediaForm(t, d)
	d.keys("tab", "tab") // back to the date: the form from its top
	checkSize(t, d.m.View().Content, 80, 24)
	golden.RequireEqual(t, d.screen())
}
