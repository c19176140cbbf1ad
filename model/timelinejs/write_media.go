package timelinejs

import "chrono/model"

// What writing an event's media can lose: a slide shows one medium, at
// a web address.
var (
	LossMediaLeftOut      = model.Loss{One: "medium not exported (a slide shows one, at an http or https address)", Many: "media not exported (a slide shows one, at an http or https address)"}
	LossMediumLinkNotWeb  = model.Loss{One: "medium's thumbnail or link that is not an http or https address not exported", Many: "media's thumbnails or links that are not http or https addresses not exported"}
	LossQuoteBesideMedium = model.Loss{One: "quote folded into the text, the slide's media showing a medium", Many: "quotes folded into the text, the slides' media showing a medium"}
)

// shownMedium is which of an event's media a slide shows: the first at
// a web address, as TimelineJS makes media a link; ok is false for
// none.
func shownMedium(e *model.Event) (i int, ok bool) {
	for i, m := range e.Media {
		if _, web := model.WebURL(m.URL); web {
			return i, true
		}
	}
	return 0, false
}

// slideMedium writes a medium as a slide's media: its texts escaped, so
// that none turns into markup, and its credit plain, so that it never
// reads back as one chrono marked up for a quote (credit.go). A
// thumbnail or link not at a web address is left out and counted.
func slideMedium(m model.Medium, losses *model.Losses) *tlMedia {
	out := &tlMedia{URL: m.URL, Caption: inline(m.Caption), Credit: escapeText(oneLine(m.Credit)),
		Title: escapeText(oneLine(m.Title)), Alt: oneLine(m.Alt)}
	for _, u := range []struct {
		url string
		dst *string
	}{{m.Thumbnail, &out.Thumbnail}, {m.Link, &out.Link}} {
		if u.url == "" {
			continue
		}
		if _, web := model.WebURL(u.url); !web {
			losses.Add(LossMediumLinkNotWeb, 1)
			continue
		}
		*u.dst = u.url
	}
	n := 0
	if m.Caption != "" && !surelyKept(m.Caption) && htmlToTextOnly(out.Caption) != m.Caption {
		n++
	}
	for _, s := range []string{m.Credit, m.Title, m.Alt} {
		if !isOneLine(s) {
			n++
		}
	}
	losses.Add(LossWhiteSpace, n)
	return out
}

// mediumReadBack is the medium a slide's media written by slideMedium reads
// back as, without losses.
func mediumReadBack(m model.Medium) model.Medium {
	w := slideMedium(m, &model.Losses{})
	caption, _ := htmlToText(w.Caption)
	credit, _ := htmlToText(w.Credit)
	title, _ := htmlToText(w.Title)
	return model.Medium{URL: w.URL, Caption: caption, Credit: oneLine(credit), Title: oneLine(title), Alt: w.Alt, Thumbnail: w.Thumbnail, Link: w.Link}
}

// takenMedia keeps an event's stored media when a slide's medium is the
// one the export wrote of them: a slide shows one, and the others are
// not the file's to take away.
func takenMedia(stored model.Event, read *model.Event) {
	i, ok := shownMedium(&stored)
	if ok && len(read.Media) == 1 && read.Media[0] == mediumReadBack(stored.Media[i]) {
		read.Media = stored.Media
	}
}
