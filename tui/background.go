package tui

import (
	"strconv"
	"strings"
)

// lightFromColorFGBG reads COLORFGBG, which rxvt, Konsole and others set
// to the terminal's colours as indices into its 16-colour palette:
// "fg;bg", or "fg;default;bg". It reports whether the background is
// light (7, and 9 to 15; 0 to 6 and 8 are dark, as vim reads it), and
// ok when the variable says. It is the fallback for a terminal that does
// not answer the background query, as under many tmux setups.
func lightFromColorFGBG(v string) (light, ok bool) {
	fields := strings.Split(v, ";")
	if len(fields) < 2 {
		return false, false
	}
	bg, err := strconv.Atoi(fields[len(fields)-1])
	if err != nil || bg < 0 || bg > 15 {
		return false, false
	}
	return bg == 7 || bg >= 9, true
}
