// Package timelinejs reads and writes the JSON of Knight Lab's TimelineJS3,
// the timeline format newsrooms publish with:
//
//	{"title": {"text": {"headline": "...", "text": "<p>...</p>"}},
//	 "events": [{"start_date": {"year": 2017, "month": 8},
//	             "text": {"headline": "...", "text": "<p>...</p>"},
//	             "media": {"url": "...", "caption": "...", "credit": "..."},
//	             "group": "ss7", "unique_id": "nso-mobileum-call"}],
//	 "eras": [...], "scale": "human"}
//
// TimelineJS2's older shape, {"timeline": {"headline": ..., "date": [...]}}
// with dates as "YYYY,MM,DD" strings, is read too: its slides map onto
// the same events (see timelinejs2.go). chrono writes TimelineJS3.
//
// Every other tool loses date precision on the way through TimelineJS;
// this package does not. A TimelineJS date's precision is the finest
// field present, so {"year": 2017, "month": 8} reads as EDTF 2017-08 and
// never as a made-up day, and chrono writes only the fields a date really
// has. What TimelineJS cannot show with its fields (an approximate date, a
// season, an open interval, a time of midnight) goes into display_date as
// chrono's label, and is counted. Reading it back, the date is read from
// that label (counted), so that chrono → TimelineJS → chrono keeps it:
// `c. 2017` beside {"year": 2017} is 2017~.
//
// A slide's display_date is the event's date text, kept as it was: it is
// written back as it was read, and so is a start_date's or end_date's own
// display_date, in that date (model.DateTextPart; both dates' own read as
// one text, "Summer 1943 – early 1946", split again where the start's
// words end), beside the slide's too (read after it, "The war years –
// Summer 1943 – early 1946"). An end_date equal to the start_date, which
// reading drops, is written again when it had a display_date of its own.
// TimelineJS drops such an end_date only when it has every member of the
// start_date: one without the start_date's own display_date is kept and
// shown ("Summer 2017 – August 2017"), and so reading keeps it too, as the
// date's end (2017-08/2017-08, which chrono labels as its one date), and
// writing writes it again. An end_date of words alone, without a year
// (`"end_date": {"display_date": "present"}`), is how TimelineJS authors
// write an event that goes on: TimelineJS shows the words as the end and
// draws no span to a date. It reads as an open end (2017-08/..), the
// words the end's date text, and an open end with words of its own is
// written so again, rather than as chrono's label ("since Aug 2017"),
// counted as the open end TimelineJS does not draw. Beside it, chrono's
// label of the date alone in the slide's display_date is the file's
// words, since chrono writes none there. TimelineJS shows the slide's in place of the date, even one that reads as chrono would label the date ("1 Feb 2022"),
// since chrono writes no label alone for a date the fields show. An event
// without date text whose date the fields show gets
// no display_date, so that TimelineJS labels the date itself, in the
// reader's language. Date text beside a date the fields cannot show is
// written after the label, `c. 2021 “about then”`, and counted; it reads
// back as the date 2021~ and the date text "about then". So is date text
// that would otherwise read back as a date: `2017 “Spring 2017”`. A
// display_date is read as a date only when it is exactly chrono's label
// of a date for which chrono writes the fields the slide's date is read
// from: other words ("Summer 1943 to early 1946", "circa 2017", "c. 2018"
// beside 2017) stay the date text.
//
// TimelineJS times have no offset from UTC: it shows them in the reader's
// time zone. They read as chrono's local times, and a time written with an
// offset is exported as written, its offset shown in display_date.
// chrono's times are EDTF's, to the second, while TimelineJS spreadsheets
// write 14:30: a time without seconds, or an hour alone, reads at second
// 00 (and minute 00), where TimelineJS places it, and is counted
// (TimeNoSeconds, TimeNoMinutes). chrono writes every time with its
// second, 0 included, which TimelineJS shows as it shows 14:30, so that
// its export reads back with nothing counted.
//
// # Years before the common era
//
// TimelineJS builds its dates with JavaScript's Date, which numbers years
// astronomically (year 0 is 1 BCE), but it labels a negative year by
// dropping the sign and adding "BCE": year -43 is shown as "43 BCE". People
// write the year they see, so this package reads TimelineJS year -N as N
// BCE, which is astronomical year 1-N (EDTF -0042), and writes chrono's
// astronomical year Y ≤ 0 as Y-1. Year 0, which TimelineJS shows as "0",
// reads as 1 BCE and is counted. Positive years are the same in both.
//
// # Ids
//
// A slide's unique_id becomes the event id when it is a valid chrono id,
// and a slug of it otherwise. A slide without one gets a slug of its
// headline, as TimelineJS gives it: lower case, accents dropped, words
// joined with "-". Clashes are resolved the way TimelineJS resolves them,
// in file order: the second "foo" becomes "foo-2", the third "foo-3";
// except that a valid unique_id is its slide's id wherever the slide is,
// since it is what the author wrote and what an import matches stored
// events by: an id made for another slide, before it or after, steps
// aside to the next free number. So that ids are made knowing every
// unique_id, the slides from the first one without a valid unique_id are
// held back until the end of the array, up to 16 MiB of them; past that
// they are sent, and a later unique_id one of their made ids has taken is
// a problem, which says which slide to give a unique_id.
//
// Unlike TimelineJS, a slug may start with a digit (TimelineJS prefixes
// "_", which chrono ids do not allow), a slide with no usable headline is
// "slide-N" after its position rather than a random id, and the title
// slide's id is not reserved, because the title may come after the events
// in a file read as a stream.
//
// # Media, quotes and sources
//
// A slide's media is a medium of its event (a photo, a video, a map, an
// embed's page), with its url, caption, credit, title, alt, thumbnail
// and link: a caption says what the medium shows, and is no one's
// words. Writing puts an event's first medium at a web address in its
// slide's media, its quotes then in the text; the other media are
// counted. Read back as an update, a slide whose medium is the one
// written keeps the event's media whole (Taken).
//
// A <blockquote> media is a quote (Twitter's embed code, <blockquote
// class="twitter-tweet">, a quote of the post it links, which is its
// source), and so is the media chrono's export
// writes for a quote, whose credit it marks up (below): the caption is
// the quote's text, the credit its speaker, and the url a source, one
// per distinct URL, named
// after the URL's host ("occupydemocrats.com", then
// "occupydemocrats.com-2" for another page of the same site). Imported
// into a store (a sink that is model.StoredSources), a URL stored already
// is cited by its source's id, and no id is made up that a stored source
// of another URL has. Writing puts, for an event without a medium,
// its first quote in media when its source has a URL, with the
// source's details marked up in the credit so that they read back:
//
//	Gary Miller, <span class="chrono-context">to the Post</span>,
//	<span class="chrono-author">Craig Timberg</span>,
//	<cite data-source="wapo">The Washington Post</cite>,
//	<time datetime="2022-02-01">1 Feb 2022</time>
//
// A first quote of no source, as a <blockquote> media reads, goes back
// into media as a <blockquote>, its speaker the credit and its context
// the caption.
// Other quotes, status, actors, further tags and links are written into
// the slide's text for readers, and counted. The status, actors and tags
// go in paragraphs marked with a class of their own (chrono-status,
// chrono-actors, chrono-tags), which read back into their fields, apart
// from a summary's own paragraphs that read alike; quotes and links read
// back only as text.
// Notes are the investigator's own and are never exported.
package timelinejs
