package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"chrono/model"
)

// Styles are every style of the browser, built once for the terminal's
// background. Nothing that matters is said by colour alone: the selected
// row is reversed, marks and statuses have their own signs, and matches
// are underlined, so a monochrome terminal (NO_COLOR) reads the same.
type Styles struct {
	Title, Count, FilterBar         Ink
	PaneTitle, PaneTitleFocused     Ink
	Divider                         Ink
	Date, Muted, Chip               Ink
	Selected, SelectedBlurred, Mark Ink
	Status                          map[model.Status]Ink
	Match                           Ink
	Heading, Label, Quote, QuoteBar Ink
	Item                            Ink
	Link, URL                       Ink
	Ruler, RulerMarker              Ink
	Message, Error                  Ink
	Prompt                          Ink
	Help                            help.Styles
	// HelpKey and HelpDesc are Help's short key and what it does (and
	// its separators and ellipsis, in the same style), as the footer
	// paints them on every frame.
	HelpKey, HelpDesc Ink
	// Input and Area are the prompts' and forms' text fields, in the
	// palette's colours (Bubbles' own are for a dark background, with
	// placeholders and completions at 2.9:1 on black).
	Input textinput.Styles
	Area  textarea.Styles
	// Cells is how the terminal measures text: code point by code point
	// (wcwidth), unless it reports grapheme clustering (mode 2027), as
	// Bubble Tea's renderer does. Laying out with the renderer's own
	// measure keeps emoji sequences from pushing columns out of line.
	Cells ansi.Method
	// Colors is the colour profile the styles are built in
	// (NewStylesIn); zero for colours as the palette has them.
	Colors colorprofile.Profile
}

// NewStyles returns the styles for a dark or light background. Every
// colour of text meets WCAG AA (a contrast of 4.5:1 or more) on the
// backgrounds terminals commonly ship with, from black to Solarized's
// and One Dark's for a dark palette, from white to Solarized light's
// for a light one.
func NewStyles(isDark bool) Styles { return NewStylesIn(isDark, 0) }

// NewStylesIn is NewStyles with its colours in those of a terminal of
// profile p (the nearest of each; none for one without colours), for a
// program that draws in TrueColor (Options.Colors); zero leaves them as
// the palette has them.
func NewStylesIn(isDark bool, p colorprofile.Profile) Styles {
	ld := lipgloss.LightDark(isDark)
	in := func(c color.Color) color.Color {
		if p == 0 {
			return c
		}
		return p.Convert(c)
	}
	var (
		fg     = in(ld(lipgloss.Color("#1F1F1F"), lipgloss.Color("#E4E4E4")))
		muted  = in(ld(lipgloss.Color("#5F5F5F"), lipgloss.Color("#A0A0A0")))
		accent = in(ld(lipgloss.Color("#005FAF"), lipgloss.Color("#5FAFFF")))
		chip   = in(ld(lipgloss.Color("#E6E6E6"), lipgloss.Color("#303030")))
		match  = in(ld(lipgloss.Color("#875F00"), lipgloss.Color("#FFD75F")))
		green  = in(ld(lipgloss.Color("#006B35"), lipgloss.Color("#5FD787")))
		yellow = in(ld(lipgloss.Color("#755800"), lipgloss.Color("#E5C07B")))
		purple = in(ld(lipgloss.Color("#87008A"), lipgloss.Color("#D787D7")))
		red    = in(ld(lipgloss.Color("#AF0000"), lipgloss.Color("#FF6B6B")))
	)
	plain := lipgloss.NewStyle()
	s := Styles{
		Title:            ink(plain.Bold(true).Foreground(fg)),
		Count:            ink(plain.Foreground(muted)),
		FilterBar:        ink(plain.Foreground(accent)),
		PaneTitle:        ink(plain.Foreground(muted)),
		PaneTitleFocused: ink(plain.Bold(true).Underline(true).Foreground(accent)),
		Divider:          ink(plain.Foreground(muted)),
		Date:             ink(plain.Foreground(muted)),
		Muted:            ink(plain.Foreground(muted)),
		Chip:             ink(plain.Foreground(accent).Background(chip)),
		Selected:         ink(plain.Reverse(true).Bold(true)),
		SelectedBlurred:  ink(plain.Reverse(true)),
		Mark:             ink(plain.Bold(true).Foreground(accent)),
		Status: map[model.Status]Ink{
			model.Confirmed: ink(plain.Foreground(green)),
			model.Reported:  ink(plain.Foreground(fg)),
			model.Alleged:   ink(plain.Foreground(yellow)),
			model.Disputed:  ink(plain.Foreground(purple)),
			model.Denied:    ink(plain.Foreground(red)),
			"":              ink(plain.Foreground(muted)),
		},
		Match:       ink(plain.Underline(true).Bold(true).Foreground(match)),
		Heading:     ink(plain.Bold(true).Foreground(fg)),
		Label:       ink(plain.Foreground(muted)),
		Quote:       ink(plain.Italic(true).Foreground(fg)),
		QuoteBar:    ink(plain.Foreground(accent)),
		Item:        ink(plain),
		Link:        ink(plain.Foreground(accent)),
		URL:         ink(plain.Underline(true).Foreground(accent)),
		Ruler:       ink(plain.Foreground(accent)),
		RulerMarker: ink(plain.Reverse(true).Foreground(accent)),
		Message:     ink(plain.Foreground(green)),
		Error:       ink(plain.Bold(true).Foreground(red)),
		Prompt:      ink(plain.Bold(true).Foreground(accent)),
		Help:        helpStyles(fg, muted),
		Input:       inputStyles(isDark, muted),
		Area:        areaStyles(isDark, muted, accent),
		Cells:       ansi.WcWidth,
		Colors:      p,
	}
	s.HelpKey, s.HelpDesc = ink(s.Help.ShortKey.Inline(true)), ink(s.Help.ShortDesc.Inline(true))
	return s
}

// helpStyles are the footer's and the help's: keys in the text colour,
// what they do and the separators muted. Bubbles' own greys fall far
// short of a readable contrast on either background.
func helpStyles(key, desc color.Color) help.Styles {
	k := lipgloss.NewStyle().Foreground(key)
	d := lipgloss.NewStyle().Foreground(desc)
	return help.Styles{
		Ellipsis:       d,
		ShortKey:       k,
		ShortDesc:      d,
		ShortSeparator: d,
		FullKey:        k,
		FullDesc:       d,
		FullSeparator:  d,
	}
}

// inputStyles are a one-line field's: placeholders, completions and a
// field without the cursor muted, and a steady cursor, as a blinking one
// keeps a timer running for nothing the reader needs. Prompts take
// Styles.Prompt where they have one.
func inputStyles(isDark bool, muted color.Color) textinput.Styles {
	st := textinput.DefaultStyles(isDark)
	m := lipgloss.NewStyle().Foreground(muted)
	for _, s := range []*textinput.StyleState{&st.Focused, &st.Blurred} {
		s.Placeholder, s.Suggestion, s.Prompt = m, m, m
	}
	st.Blurred.Text = m
	st.Cursor.Blink = false
	return st
}

// areaStyles are a field of several lines': as inputStyles, and the
// cursor's line and a selection in the terminal's own colours (reversed
// for a selection) rather than on a black band.
func areaStyles(isDark bool, muted, accent color.Color) textarea.Styles {
	st := textarea.DefaultStyles(isDark)
	m := lipgloss.NewStyle().Foreground(muted)
	for _, s := range []*textarea.StyleState{&st.Focused, &st.Blurred} {
		s.Placeholder, s.LineNumber, s.CursorLineNumber, s.EndOfBuffer = m, m, m, m
		s.Prompt = lipgloss.NewStyle().Foreground(accent)
		s.Selection = lipgloss.NewStyle().Reverse(true)
	}
	st.Focused.CursorLine = lipgloss.NewStyle()
	st.Blurred.CursorLine, st.Blurred.Text = m, m
	st.Cursor.Blink = false
	return st
}

// status returns the style of a status, plain for one it does not know.
func (s *Styles) status(st model.Status) Ink {
	if style, ok := s.Status[st]; ok {
		return style
	}
	return ink(lipgloss.NewStyle())
}
