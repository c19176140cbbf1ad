package timelinejs

import "chrono/model"

// Carries is the event fields a TimelineJS slide holds, which an update
// takes from it: the date, the date text (display_date), the title
// (headline), the tags (group, and the text's "Tags:" line, added to the
// stored ones), the status and actors when the text has chrono's export's
// paragraphs for them (markedFields), and the summary (text, less what
// chrono's export writes after a summary: Taken), and the media when
// the slide has a medium (a photo, a video: Taken keeps the stored
// media when it is the first of them). Media holds only one quote,
// without its stance: an update keeps the stored quotes, links, date
// source and notes. A new event takes everything a slide has.
const Carries = model.FieldDate | model.FieldDateText | model.FieldTitle | model.FieldTags | model.FieldSummary | model.FieldStatus | model.FieldActors | model.FieldMedia

// What reading a TimelineJS document can lose or change. Each is counted
// once per occurrence, so that nothing is dropped silently.
var (
	LossEra           = model.Loss{One: "era not imported", Many: "eras not imported"}
	LossUnknownMember = model.Loss{One: "unknown member not imported", Many: "unknown members not imported"}
	LossBackground    = model.Loss{One: "slide background not imported", Many: "slide backgrounds not imported"}
	LossAutolink      = model.Loss{One: "autolink setting not imported", Many: "autolink settings not imported"}
	LossScale         = model.Loss{One: "cosmological scale setting not imported", Many: "cosmological scale settings not imported"}
	LossTitleField    = model.Loss{One: "title slide field other than its text not imported", Many: "title slide fields other than its text not imported"}
	LossDateFormat    = model.Loss{One: "date format setting not imported", Many: "date format settings not imported"}
	LossYearZero      = model.Loss{One: "year 0 read as 1 BCE", Many: "years 0 read as 1 BCE"}
	LossIDChanged     = model.Loss{One: "unique_id changed to a valid, unique id", Many: "unique_ids changed to valid, unique ids"}
	LossNoHeadline    = model.Loss{One: "slide without a headline given a title from its content", Many: "slides without a headline given a title from their content"}
	LossGroupChanged  = model.Loss{One: "group changed to make a valid tag", Many: "groups changed to make valid tags"}
	LossGroupDropped  = model.Loss{One: "group not imported (no valid tag can be made of it)", Many: "groups not imported (no valid tag can be made of them)"}
	LossMediaDisplay  = model.Loss{One: "media link_target, or a quote's media thumbnail, alt or link, not imported", Many: "media link_targets, or quotes' media thumbnails, alts or links, not imported"}
	LossMediaTitle    = model.Loss{One: "title of a blockquote media not imported", Many: "titles of blockquote media not imported"}
	LossMediaEmbed    = model.Loss{One: "embedded HTML media's markup not imported (the page it shows kept as the medium's URL)", Many: "embedded HTML media's markup not imported (the pages they show kept as the media's URLs)"}
	LossMediaNoText   = model.Loss{One: "media without a caption kept only as a source", Many: "media without a caption kept only as sources"}
	LossMediaEmpty    = model.Loss{One: "media without a URL, caption or title not imported", Many: "media without a URL, caption or title not imported"}
	LossCreditSource  = model.Loss{One: "source detail in a credit without a URL not imported", Many: "source details in credits without a URL not imported"}
	LossSourceDetails = model.Loss{One: "source detail differing from the first use of its URL not imported", Many: "source details differing from the first use of their URL not imported"}
	LossFieldUnread   = model.Loss{One: "status, actors or tags paragraph not read (an unknown status, a tag chrono refuses): kept as text", Many: "status, actors or tags paragraphs not read (an unknown status, a tag chrono refuses): kept as text"}
	LossHTMLEmbed     = model.Loss{One: "image or embed in HTML text not imported", Many: "images or embeds in HTML text not imported"}

	// LossDateFromDisplay is a date read from chrono's label of it in
	// display_date, which TimelineJS shows but does not place the slide by.
	LossDateFromDisplay = model.Loss{One: "date read from its display_date, which tells it more exactly than start_date and end_date", Many: "dates read from their display_date, which tells them more exactly than start_date and end_date"}

	// LossHeadlineIDStored is a slide without a unique_id whose id, made
	// from its headline (numbered among slides of the same headline) or
	// its place in the file, is a stored event's: the slide is taken for
	// it, as a file read again updates its own events, even when the
	// slide is of another file (two files' "Meeting"), or another slide
	// took its place.
	LossHeadlineIDStored = model.Loss{One: "slide without a unique_id matched to a stored event by the id made from its headline or its place in the file (give slides unique_ids to keep events apart)", Many: "slides without a unique_id matched to stored events by the ids made from their headlines or places in the file (give slides unique_ids to keep events apart)"}

	// LossDisplayElsewhere is a display_date that reads as a date sharing
	// no day with start_date and end_date: TimelineJS shows the one and
	// places the slide by the other, and chrono dates the event by the
	// fields, keeping the display_date as its date text.
	// LossStaleLabel is a display_date that is chrono's label of a
	// qualified date ("c. 2019") the fields no longer give, as when the
	// year was changed by hand: the event is dated by the fields, with
	// the label's qualifier (staleLabel).
	LossStaleLabel = model.Loss{One: "display_date of chrono's label for a date other than start_date's: the event dated by start_date, with the label's c. or ?", Many: "display_dates of chrono's labels for dates other than start_date's: the events dated by start_date, with the labels' c. or ?"}

	// LossLabelAsText is a display_date that is chrono's label of a date
	// the fields overlap but do not give, as when they were changed by
	// hand: the event is dated by the fields, and the label, with what
	// it said beyond them (an approximate start, an open end), is kept
	// as the date text.
	LossLabelAsText = model.Loss{One: "display_date of chrono's label for a date start_date and end_date no longer give (changed by hand?): the event dated by them, the label kept as its date text; check the date", Many: "display_dates of chrono's labels for dates start_date and end_date no longer give (changed by hand?): the events dated by them, the labels kept as their date texts; check the dates"}

	LossDisplayElsewhere = model.Loss{One: "display_date naming a date its start_date and end_date do not: the event is dated by the fields, the display_date kept as its date text", Many: "display_dates naming dates their start_date and end_date do not: the events are dated by the fields, the display_dates kept as their date text"}
)

// What reading a TimelineJS document fills in, as TimelineJS does: it
// reads an absent minute or second as 0. chrono's times are EDTF's, to the
// second, so a time of day is read at second 00 and counted, since the
// slide claims it only to the minute or the hour.
var (
	// TimeNoSeconds counts times of day with an hour and a minute but no
	// second (14:30, as TimelineJS spreadsheets write it), read at second
	// 00.
	TimeNoSeconds = model.Loss{One: "time of day without seconds read at second 00", Many: "times of day without seconds read at second 00"}
	// TimeNoMinutes counts times of day given as an hour alone, read at
	// minute and second 00.
	TimeNoMinutes = model.Loss{One: "time of day without minutes read at minute and second 00", Many: "times of day without minutes read at minute and second 00"}
)

// What writing a TimelineJS document can lose. Things written into a
// slide's text for readers are counted too: TimelineJS shows them as
// text, and only chrono reads the status, actors and tags back
// (markedFields); quotes and links read back only as text.
var (
	LossUndated        = model.Loss{One: "undated event skipped", Many: "undated events skipped"}
	LossQuoteFolded    = model.Loss{One: "quote beyond the first per event folded into the text", Many: "quotes beyond the first per event folded into the text"}
	LossQuoteNoURL     = model.Loss{One: "quote whose source has no URL folded into the text", Many: "quotes whose source has no URL folded into the text"}
	LossQuoteNotWeb    = model.Loss{One: "quote whose source's URL is not an http or https address folded into the text", Many: "quotes whose source's URL is not an http or https address folded into the text"}
	LossQuoteStance    = model.Loss{One: "quote stance not exported", Many: "quote stances not exported"}
	LossStatus         = model.Loss{One: "status written into the text", Many: "statuses written into the text"}
	LossActors         = model.Loss{One: "actor written into the text", Many: "actors written into the text"}
	LossTags           = model.Loss{One: "tag beyond the first written into the text", Many: "tags beyond the first written into the text"}
	LossLinks          = model.Loss{One: "link written into the text", Many: "links written into the text"}
	LossNotes          = model.Loss{One: "note not exported (notes are the investigator's own)", Many: "notes not exported (notes are the investigator's own)"}
	LossDateSource     = model.Loss{One: "date source not exported", Many: "date sources not exported"}
	LossEndBeforeStart = model.Loss{One: "interval TimelineJS would draw ending before it starts shown only in display_date", Many: "intervals TimelineJS would draw ending before they start shown only in display_date"}
	LossOpenEnd        = model.Loss{One: "open or unknown interval end shown only in display_date", Many: "open or unknown interval ends shown only in display_date"}
	LossQualifier      = model.Loss{One: "approximate or uncertain date shown only in display_date", Many: "approximate or uncertain dates shown only in display_date"}
	LossSeason         = model.Loss{One: "season shown only in display_date", Many: "seasons shown only in display_date"}
	LossUnspecified    = model.Loss{One: "date with unspecified digits shown only in display_date", Many: "dates with unspecified digits shown only in display_date"}
	LossOffset         = model.Loss{One: "time zone offset shown only in display_date", Many: "time zone offsets shown only in display_date"}
	LossMidnight       = model.Loss{One: "time of midnight shown in display_date (TimelineJS shows 00:00:00 as the day)", Many: "times of midnight shown in display_date (TimelineJS shows 00:00:00 as the day)"}
	LossFraction       = model.Loss{One: "fraction of a second written as milliseconds", Many: "fractions of a second written as milliseconds"}
	LossDateTextMerged = model.Loss{One: "date text merged with a date label in display_date", Many: "date texts merged with a date label in display_date"}
	LossSourceUnused   = model.Loss{One: "source not carried by any exported media", Many: "sources not carried by any exported media"}
	// LossArchive counts the archived copies of the sources media
	// carries: TimelineJS has no place for a second URL.
	LossArchive = model.Loss{One: "source's archived copy not exported", Many: "sources' archived copies not exported"}
)
