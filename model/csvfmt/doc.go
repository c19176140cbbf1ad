// Package csvfmt reads and writes chrono CSV, a spreadsheet of events with
// one row per event under this header:
//
//	id,date,title,summary,status,actors,tags,date_text,date_source,quotes_json,sources_json
//
// Dates are EDTF ("2017-08", "2021/2022-02-01"), spaces around them
// ignored; a status is read in any case ("Reported"). Actors and tags are lists
// separated by semicolons. quotes_json holds the event's quotes as a JSON
// array of chrono quote objects, and sources_json the sources its quotes
// and date cite, as a JSON array of chrono source objects, so that every
// row stands on its own when a spreadsheet user copies it elsewhere.
//
// What the eleven columns cannot carry (the investigation's title and
// description, links, notes and media) is counted as lost on export; an
// import keeps the stored ones (Carries); the native
// JSON format carries everything. date_text holds the words a source
// gave for the date ("last year"), and date_source the id of the source
// whose publication date anchors them. Import takes the columns in any
// order, whatever the case of their names, and needs id and title. It
// ignores and counts the cells of any other column, including links or
// notes columns added by hand: reading columns that Write never writes
// would make a second format, with no round trip to test it.
//
// Lists: a backslash escapes a semicolon or a backslash inside an item
// ("Smith\; Jones LLP"), so an actor with a semicolon in its name survives;
// tags cannot contain one. Items are trimmed of surrounding spaces on
// import, so "NSO Group; Mobileum" reads as two actors.
//
// Spreadsheets treat a cell that begins with = + - @, a tab or a carriage
// return as a formula (see formula.go for the defence).
//
// Import is strict where a slip would lose data silently: the JSON cells
// reject unknown fields and duplicate keys, every cell must be UTF-8, and
// every row must have as many cells as the header. A UTF-8 byte order mark,
// as spreadsheets write, is skipped. Export writes no byte order mark and
// ends lines with LF.
package csvfmt
