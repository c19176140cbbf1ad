package model

import "chrono/model/verbatim"

// QuoteIndex prepares a snapshot's text for checking quotes against it:
// a Markdown snapshot's text is its Markdown as written, and a quote is
// also looked for in it as a person reads it rendered, since that is
// what a quote is copied from.
func (s *Snapshot) QuoteIndex(text string) *verbatim.Index {
	if s.MediaType == MediaMarkdown {
		return verbatim.NewMarkdownIndex(text)
	}
	return verbatim.NewIndex(text)
}
