package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
)

// footer is the help line of a screen: as many of its own keys as fit in
// w cells, then the global keys, which stay at every width that has room
// for them, so that the way to the help and out is always on screen. A
// "…" says that keys were left out; the help (?) has them all.
func footer(st *Styles, h help.Model, own, global []key.Binding, w int) string {
	sep := st.HelpDesc.Render(h.ShortSeparator)
	more := " " + st.HelpDesc.Render(h.Ellipsis)
	g := strings.Join(helpItems(st, global), sep)
	room := w - st.width(g) - st.width(sep)
	items := helpItems(st, own)
	var b strings.Builder
	for i, it := range items {
		need := st.width(it)
		if i > 0 {
			need += st.width(sep)
		}
		if i < len(items)-1 {
			need += st.width(more) // room to say that more were left out
		}
		if st.width(b.String())+need > room {
			if b.Len() > 0 || st.width(more) <= room {
				b.WriteString(more)
			}
			break
		}
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(it)
	}
	if b.Len() == 0 {
		return g
	}
	return strings.TrimPrefix(b.String(), " ") + sep + g
}

// endKeys is a dialog whose footer keeps the keys that end it (a form's
// save and cancel) at every width, as the browser's keeps help and quit:
// its other keys are left out first when the line is short.
type endKeys interface {
	// footerKeys is the dialog's short help, split: its own keys, and
	// the keys that end it.
	footerKeys() (own, end []key.Binding)
}

// helpItems renders the enabled bindings as the short help does: the key,
// then what it does.
func helpItems(st *Styles, bs []key.Binding) []string {
	var out []string
	for _, b := range bs {
		if b.Enabled() {
			out = append(out, st.HelpKey.Render(b.Help().Key)+" "+st.HelpDesc.Render(b.Help().Desc))
		}
	}
	return out
}

// fitsCovered reports whether own keys, as named, fit in a footer w
// cells wide beside the help key, the one global key a screen that
// covers the browser shows: whether a screen needs to name them short.
func fitsCovered(c *shared, own []key.Binding, w int) bool {
	return fitsWhole(c, append(own, c.keys.ShortHelp()[0]), w)
}

// fitsWhole reports whether a footer of the keys bs, all named as they
// are, fits in w cells.
func fitsWhole(c *shared, bs []key.Binding, w int) bool {
	items := helpItems(&c.styles, bs)
	return c.styles.width(strings.Join(items, c.styles.HelpDesc.Render(c.help.ShortSeparator))) <= w
}
