package timelinejs

import (
	"errors"
	"io"
	"iter"

	"chrono/model"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// ErrNoEvents is returned by Write when no event had a date: TimelineJS
// places every slide on a time axis and refuses a timeline without one.
var ErrNoEvents = errors.New("no dated event to export: TimelineJS shows only dated events and needs at least one; date an event and export again")

// Types of the document Write produces, in the order TimelineJS's own
// examples give the members.
type (
	tlSlide struct {
		StartDate   tlDate   `json:"start_date"`
		EndDate     *tlDate  `json:"end_date,omitempty"`
		DisplayDate string   `json:"display_date,omitempty"`
		Text        tlText   `json:"text"`
		Media       *tlMedia `json:"media,omitempty"`
		Group       string   `json:"group,omitempty"`
		UniqueID    string   `json:"unique_id"`
	}
	tlTitle struct {
		Text tlText `json:"text"`
	}
	tlText struct {
		Headline string `json:"headline"`
		Text     string `json:"text,omitempty"`
	}
	tlMedia struct {
		URL       string `json:"url"`
		Caption   string `json:"caption,omitempty"`
		Credit    string `json:"credit,omitempty"`
		Title     string `json:"title,omitempty"`
		Alt       string `json:"alt,omitempty"`
		Thumbnail string `json:"thumbnail,omitempty"`
		Link      string `json:"link,omitempty"`
	}
)

// Write encodes an investigation as a TimelineJS document: the header as
// the title slide, then a slide per dated event, written as the events
// come so that an export of any size streams. It returns how many events
// it wrote. What TimelineJS cannot carry is counted in losses; undated
// events, which TimelineJS cannot place, are skipped and counted. The
// output is indented and deterministic.
func Write(w io.Writer, h model.Header, sources []model.Source, events iter.Seq2[model.Event, error], losses *model.Losses) (int, error) {
	if losses == nil {
		losses = &model.Losses{}
	}
	byID := make(map[string]model.Source, len(sources))
	for _, s := range sources {
		byID[s.ID] = s
	}
	carried := map[string]bool{}
	enc := jsontext.NewEncoder(w, jsontext.Multiline(true), jsontext.WithIndent("  "))
	if err := enc.WriteToken(jsontext.BeginObject); err != nil {
		return 0, err
	}
	if h.Title != "" || h.Description != "" {
		title := tlTitle{Text: tlText{Headline: escapeText(oneLine(h.Title)), Text: paragraphs(h.Description)}}
		if err := writeMember(enc, "title", title); err != nil {
			return 0, err
		}
	}
	if err := writeTokens(enc, jsontext.String("events"), jsontext.BeginArray); err != nil {
		return 0, err
	}
	n := 0
	for e, err := range events {
		if err != nil {
			return n, err
		}
		if e.Date.IsZero() {
			losses.Add(LossUndated, 1)
			continue
		}
		if err := json.MarshalEncode(enc, eventSlide(e, byID, carried, losses)); err != nil {
			return n, err
		}
		n++
	}
	if err := writeTokens(enc, jsontext.EndArray, jsontext.EndObject); err != nil {
		return n, err
	}
	for _, s := range sources {
		if !carried[s.ID] {
			losses.Add(LossSourceUnused, 1)
		}
	}
	if n == 0 {
		return 0, ErrNoEvents
	}
	return n, nil
}

func writeTokens(enc *jsontext.Encoder, toks ...jsontext.Token) error {
	for _, t := range toks {
		if err := enc.WriteToken(t); err != nil {
			return err
		}
	}
	return nil
}

func writeMember(enc *jsontext.Encoder, name string, v any) error {
	if err := enc.WriteToken(jsontext.String(name)); err != nil {
		return err
	}
	return json.MarshalEncode(enc, v)
}

// eventSlide converts a dated event into a slide, counting what it loses
// and noting which sources it carries as media.
func eventSlide(e model.Event, sources map[string]model.Source, carried map[string]bool, losses *model.Losses) tlSlide {
	start, end, short := timelineDates(e.Date)
	short.count(losses)
	s := tlSlide{StartDate: start, EndDate: end, UniqueID: e.ID}
	s.Text.Headline = escapeText(oneLine(e.Title))
	// display_date replaces TimelineJS's own, localised rendering of the
	// date: it is written only for the date text, which is the file's own
	// display_date when the event came from TimelineJS, and for what the
	// fields cannot show.
	texts, whole := e.DateTexts(), e.DateText
	// unshown is what the slide leaves unshown: an open end with words of
	// its own ("present") is shown by an end_date of those words alone,
	// as TimelineJS authors write an event that goes on, and which reads
	// back as the open end. TimelineJS draws no span to it (counted).
	unshown := short
	if texts.End != "" && openEnded(e.Date) {
		unshown.openEnd = false
	}
	apart := texts.Apart() && !unshown.lost() && (texts.Whole != "" || !told(oneLine(e.DateText), e.Date))
	wordsEnd := apart && unshown != short
	if !apart {
		unshown = short
	}
	if wordsEnd {
		s.EndDate = &tlDate{}
	}
	if apart && texts.End != "" && s.EndDate == nil {
		// Words of an end the date does not have came from an end_date
		// equal to the start_date, which reading drops: it is written
		// again, and TimelineJS drops it or keeps it as it did the file's
		// (it drops an end_date that has each member of the start_date).
		end := s.StartDate
		s.EndDate = &end
	}
	if apart {
		// Words of the start or the end go back in that date's own
		// display_date, where the file had them, unless the fields lose
		// what the label would show, or, alone, they would read back as
		// it. Words of the whole date beside them go back to the slide.
		s.StartDate.DisplayDate = escapeText(oneLine(texts.Start))
		if texts.End != "" {
			s.EndDate.DisplayDate = escapeText(oneLine(texts.End))
		}
		whole = texts.Whole
	}
	switch label := e.Date.Label(); {
	case whole != "" && (unshown.lost() || guarded(oneLine(whole), e.Date) || wordsEnd && told(oneLine(whole), e.Date) && !loneLabel(oneLine(whole), e.Date)):
		// The words alone would hide what the fields lost, or be read
		// back as a date they agree with ("Spring 2017" beside 2017),
		// or, beside an end of words alone, as chrono's label of the
		// open date and words (`since Aug 2017 “x”`; the label alone
		// reads back as words there).
		s.DisplayDate = escapeText(label + " “" + oneLine(whole) + "”")
		losses.Add(LossDateTextMerged, 1)
	case whole != "":
		s.DisplayDate = escapeText(oneLine(whole))
	case apart:
		// The dates' own words show the date: a label would hide them.
	case short.any():
		s.DisplayDate = escapeText(label)
		if short.midnight && !short.lost() {
			losses.Add(LossMidnight, 1)
		}
	}
	folded := e.Quotes
	var media *model.Quote
	shown, hasMedium := shownMedium(&e)
	switch {
	case hasMedium:
		// The slide's media is for media: a photo shows what happened,
		// and the quotes go into the text.
		s.Media = slideMedium(e.Media[shown], losses)
		losses.Add(LossMediaLeftOut, len(e.Media)-1)
		losses.Add(LossQuoteBesideMedium, len(e.Quotes))
	case len(e.Quotes) > 0:
		losses.Add(LossMediaLeftOut, len(e.Media))
		q := e.Quotes[0]
		src, ok := sources[q.Source]
		_, web := model.WebURL(src.URL)
		switch {
		case ok && src.URL != "" && !web:
			// TimelineJS makes media a link: a javascript: or file: URL
			// goes into the text only, as words.
			losses.Add(LossQuoteNotWeb, 1)
		case ok && src.URL != "":
			s.Media = &tlMedia{URL: src.URL, Caption: inline(q.Text), Credit: writeCredit(q, src), Title: escapeText(oneLine(src.Title))}
			if !carried[src.ID] {
				countCollapsedSource(src, losses)
				if src.Archive != "" {
					losses.Add(LossArchive, 1)
				}
			}
			carried[src.ID] = true
			folded, media = e.Quotes[1:], &q
		case q.Source == "":
			// A quote of no source is what TimelineJS's <blockquote>
			// media reads as: it goes back there, the speaker its credit
			// and the context its caption, as TimelineJS shows them.
			s.Media = &tlMedia{URL: "<blockquote>" + inline(q.Text) + "</blockquote>", Caption: escapeText(oneLine(q.Context)), Credit: escapeText(oneLine(q.Speaker))}
			folded, media = e.Quotes[1:], &q
		default:
			losses.Add(LossQuoteNoURL, 1)
		}
		losses.Add(LossQuoteFolded, len(e.Quotes)-1)
	default:
		losses.Add(LossMediaLeftOut, len(e.Media))
	}
	for _, q := range e.Quotes {
		if q.Stance != "" {
			losses.Add(LossQuoteStance, 1)
		}
	}
	if len(e.Tags) > 0 {
		s.Group = escapeText(e.Tags[0])
		losses.Add(LossTags, len(e.Tags)-1)
	}
	if e.Status != "" {
		losses.Add(LossStatus, 1)
	}
	if e.DateSource != "" {
		losses.Add(LossDateSource, 1)
	}
	losses.Add(LossActors, len(e.Actors))
	losses.Add(LossLinks, len(e.Links))
	losses.Add(LossNotes, len(e.Notes))
	countCollapsedSpace(e, media, losses)
	s.Text.Text = slideText(e, folded, sources)
	return s
}
