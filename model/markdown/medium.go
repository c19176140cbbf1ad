package markdown

import (
	"strings"

	"chrono/model"
)

// medium writes a medium on one line of an event's particulars: its
// title, caption and credit, then its URL, a link when it may be one and
// code otherwise. Its caption says what it shows, and is no quote.
func medium(m model.Medium) string {
	var parts []string
	if t := oneLine(m.Title); t != "" {
		parts = append(parts, "“"+t+"”")
	}
	if c := oneLine(m.Caption); c != "" {
		parts = append(parts, c)
	}
	if c := oneLine(m.Credit); c != "" {
		parts = append(parts, "credit: "+c)
	}
	switch {
	case linkable(m.URL):
		parts = append(parts, "<"+m.URL+">")
	case m.URL != "":
		parts = append(parts, code(m.URL))
	}
	return "Medium: " + strings.Join(parts, " · ")
}
