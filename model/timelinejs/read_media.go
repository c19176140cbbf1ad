package timelinejs

import (
	"strings"

	"chrono/model"
	"chrono/model/native"
)

// media reads a slide's media: a quote, when it is one, or a medium.
// TimelineJS's <blockquote> media, quote markup in place of a URL, is a
// quote: its <cite> names the speaker, and the caption says where it is
// from. So is the media chrono's export writes for a quote, whose credit
// it marks up (credit.go): the caption is the quote's text, the credit
// its speaker, context and source details, and the URL a source, one
// per distinct URL; it returns the source when the URL is new, for the
// caller to send. Any other media (a photo, a video, a map) is a medium,
// whose caption says what it shows and is no one's words; an embed's
// (an <iframe>'s) too, the page it shows its URL.
func (rd *reader) media(s *slide, m *member) (*model.Quote, *model.Medium, *model.Source) {
	if m.value.Kind() != '{' {
		s.problem(m.at, `media: want an object such as {"url": "...", "caption": "..."}, found `+native.KindName(m.value.Kind()))
		return nil, nil, nil
	}
	var url, caption, rawCredit, title string
	var shown model.Medium // what only a medium keeps: alt, thumbnail, link
	display := 0           // of those, how many the media has
	for _, f := range members(m.value, m.at) {
		str, ok := stringOf(f.value)
		if m.name == "asset" && f.name == "media" {
			f.name = "url" // TimelineJS2's asset names its URL "media"
		}
		switch f.name {
		case "url", "caption", "credit", "title", "alt", "thumbnail", "link":
			if !ok {
				s.problem(f.at, "media: "+f.name+": want a string, found "+native.KindName(f.value.Kind()))
				continue
			}
			switch f.name {
			case "url":
				url = strings.TrimSpace(str)
			case "caption":
				caption = rd.text(str)
			case "credit":
				rawCredit = str
			case "title":
				title = oneLine(rd.text(str))
			case "alt":
				shown.Alt = strings.TrimSpace(str)
			case "thumbnail":
				shown.Thumbnail = strings.TrimSpace(str)
			default:
				shown.Link = strings.TrimSpace(str)
			}
			if f.name == "alt" || f.name == "thumbnail" || f.name == "link" {
				if carries(f.value) {
					display++
				}
			}
		case "link_target":
			if carries(f.value) {
				rd.losses.Add(LossMediaDisplay, 1)
			}
		default:
			if carries(f.value) {
				rd.losses.Add(LossUnknownMember, 1)
			}
		}
	}
	c, embeds := readCredit(rawCredit)
	rd.losses.Add(LossHTMLEmbed, embeds)
	if !c.structured && !strings.Contains(strings.ToLower(url), "<blockquote") {
		if strings.HasPrefix(url, "<") {
			// An embed (an <iframe>): its markup is not kept, the page
			// it shows is.
			rd.losses.Add(LossMediaEmbed, 1)
			url = embedSource(url)
		}
		shown.URL, shown.Caption, shown.Credit, shown.Title = url, caption, c.speaker, title
		if model.Blank(url) && model.Blank(caption) && model.Blank(title) {
			if shown != (model.Medium{}) {
				rd.losses.Add(LossMediaEmpty, 1)
			}
			return nil, nil, nil
		}
		return nil, &shown, nil
	}
	// A quote has no place for what only a medium shows.
	rd.losses.Add(LossMediaDisplay, display)
	context := c.context
	if strings.HasPrefix(url, "<") {
		page := tweetPage(url)
		// Markup in place of a URL: TimelineJS shows a <blockquote> as a
		// quote, and anything else (an <iframe>) as an embed.
		if title != "" {
			rd.losses.Add(LossMediaTitle, 1)
		}
		if strings.Contains(strings.ToLower(url), "<blockquote") {
			// The <cite> is the attribution: the speaker, then what follows
			// the name. The caption says where it is from; a credit beside
			// a cite is part of that too.
			quote, cite := splitCite(url)
			speaker, citeContext := attribution(rd.text(cite))
			var contexts []string
			add := func(s string) {
				if s = oneLine(s); s != "" {
					contexts = append(contexts, s)
				}
			}
			add(citeContext)
			add(caption)
			if speaker != "" {
				add(c.speaker)
				c.speaker = speaker
			}
			add(c.context)
			context = strings.Join(contexts, "; ")
			caption = rd.text(quote)
		} else {
			rd.losses.Add(LossMediaEmbed, 1)
		}
		url, title = page, ""
	}
	var q *model.Quote
	if caption != "" {
		q = &model.Quote{Text: caption, Speaker: c.speaker, Context: context}
	}
	if url == "" {
		if q == nil && (c.speaker != "" || c.context != "" || title != "") {
			rd.losses.Add(LossMediaEmpty, 1)
		}
		if c.publisher != "" || c.author != "" || !c.published.IsZero() {
			rd.losses.Add(LossCreditSource, 1)
		}
		return q, nil, nil
	}
	src := model.Source{ID: c.sourceID, URL: url, Title: title, Publisher: c.publisher, Author: c.author, Published: c.published}
	var fresh *model.Source
	if known, ok := rd.sources[url]; ok {
		if differs(known, src) {
			rd.losses.Add(LossSourceDetails, 1)
		}
		src = known
	} else {
		written := c.sourceID != "" && model.CheckID(c.sourceID) == "" && !rd.sourceIDs.taken(c.sourceID)
		switch stored, ok := rd.storedSource(url); {
		case written && rd.fits(c.sourceID, url):
			src.ID = rd.sourceIDs.take(c.sourceID) // chrono's own id, as written
		case ok:
			src.ID = rd.sourceIDs.take(stored)
		case written:
			// Another investigation's id, which a source of another page
			// holds here: a quote must not cite that page.
			src.ID = rd.sourceIDs.claim(c.sourceID)
		default:
			src.ID = rd.sourceIDs.claim(hostID(url))
		}
		fresh = &src
	}
	if q == nil {
		rd.losses.Add(LossMediaNoText, 1)
		return nil, nil, fresh
	}
	q.Source = src.ID
	return q, nil, fresh
}

// embedSource is the URL an embed's markup shows (its first src), or ""
// for none.
func embedSource(markup string) string {
	for _, t := range tokenize(markup) {
		if src := strings.TrimSpace(t.attrs["src"]); t.kind == startToken && src != "" {
			return src
		}
	}
	return ""
}

// storedSource is the id of the source the import already knows with
// url, when the sink knows its sources (model.StoredSources).
func (rd *reader) storedSource(url string) (string, bool) {
	if rd.stored == nil {
		return "", false
	}
	return rd.stored.StoredSourceID(url)
}

// fits reports whether source id, as chrono's export wrote it, can name
// the source of url in the import: no known source has the id, or the
// one that has it has that URL, or none to tell.
func (rd *reader) fits(id, url string) bool {
	if rd.stored == nil {
		return true
	}
	known, has := rd.stored.StoredSourceURL(id)
	return !has || known == "" || known == url
}

// differs reports whether a later use of a URL gives details of its
// source, its id among them, that differ from the first.
func differs(first, later model.Source) bool {
	return later.ID != "" && later.ID != first.ID ||
		later.Title != "" && later.Title != first.Title ||
		later.Publisher != "" && later.Publisher != first.Publisher ||
		later.Author != "" && later.Author != first.Author ||
		!later.Published.IsZero() && later.Published != first.Published
}
