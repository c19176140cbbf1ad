// Package evidence writes an investigation as a directory that can be
// read without chrono, by a lawyer or an editor, offline:
//
//	index.html              the chronology: every event, quote, medium
//	                        (its addresses as text, never loaded) and source,
//	                        each snapshot's hash and whether its bytes
//	                        match it, each quote's verification state, and
//	                        the journal's chain head
//	snapshots/S-N.txt       snapshot N of source S: its readable text
//	snapshots/S-N.txt.html  the same text as a page, each quote checked
//	                        against it marked and anchored (#q7)
//	snapshots/S-N.original.EXT  the bytes as attached (an HTML page as
//	                        .html.txt, so that a browser shows its source
//	                        rather than running it)
//	journal.jsonl           every journal entry, oldest first, with its
//	                        hash and the hash of the entry before it
//	SHA256SUMS              the SHA-256 of every other file, in the form
//	                        sha256sum -c checks
//
// Everything in the pages comes from the investigation and is untrusted:
// it is escaped by html/template, controls and invisible characters are
// shown as marks (package termtext), and the pages carry no script, load
// nothing and forbid scripts by their Content-Security-Policy.
package evidence
