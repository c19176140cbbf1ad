// Package markdown writes an investigation as a Markdown chronology that a
// reporter can paste into a story draft: the title and description, a
// section per year, each event with its date, status, title, summary,
// quotes with their attribution and source, tags, links and the
// investigator's notes, and the sources cited at the end.
//
// Everything from the data is hostile until made safe: it passes through
// termtext, so that no control character or escape sequence reaches the
// file (which may be printed to a terminal), and it is escaped so that it
// reads as the same characters and nothing more: a title such as
// "*not bold* [x](javascript:alert(1))" cannot change the document's
// structure or plant a link. Only http and https URLs become links.
// Quotes stay verbatim: characters are escaped, never reworded.
//
// The escaping targets CommonMark and GitHub Flavored Markdown, and also
// covers the inline syntax of common extensions ($math$, ^superscript^,
// ~subscript~, {attributes}).
package markdown
