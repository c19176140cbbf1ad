package model

// mediumField is one text of a medium, by its chrono JSON name; text
// says it is running text, not a line.
type mediumField struct {
	name, value string
	text        bool
}

// fields lists m's texts, for the checks every text gets (size, UTF-8).
func (m *Medium) fields() [7]mediumField {
	return [7]mediumField{
		{"url", m.URL, false},
		{"caption", m.Caption, true},
		{"credit", m.Credit, false},
		{"title", m.Title, false},
		{"alt", m.Alt, true},
		{"thumbnail", m.Thumbnail, false},
		{"link", m.Link, false},
	}
}

// Field is the place of m's text a chrono JSON member name names (url,
// caption, credit, title, alt, thumbnail, link); nil for any other name.
func (m *Medium) Field(name string) *string {
	switch name {
	case "url":
		return &m.URL
	case "caption":
		return &m.Caption
	case "credit":
		return &m.Credit
	case "title":
		return &m.Title
	case "alt":
		return &m.Alt
	case "thumbnail":
		return &m.Thumbnail
	case "link":
		return &m.Link
	}
	return nil
}

// Label is what names m in a line for people: its title, else its
// caption, else its URL.
func (m Medium) Label() string {
	switch {
	case !Blank(m.Title):
		return m.Title
	case !Blank(m.Caption):
		return m.Caption
	}
	return m.URL
}
