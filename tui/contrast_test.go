package tui

import (
	"fmt"
	"image/color"
	"math"
	"reflect"
	"testing"

	"charm.land/lipgloss/v2"
)

// The terminal's own background is the investigator's; these are the
// ones terminals commonly ship with, for each palette.
var (
	lightBackgrounds = []string{"#FFFFFF", "#FDF6E3" /* Solarized light */, "#EEEEEE"}
	darkBackgrounds  = []string{"#000000", "#1E1E1E", "#282828" /* Gruvbox */, "#002B36" /* Solarized dark */, "#282C34" /* One Dark */}
)

// Every text colour of both palettes meets WCAG AA, a contrast ratio of
// at least 4.5:1, against each background it may be drawn on.
func TestContrast(t *testing.T) {
	for _, dark := range []bool{false, true} {
		backgrounds := lightBackgrounds
		if dark {
			backgrounds = darkBackgrounds
		}
		styles := styleFields("Styles", reflect.ValueOf(NewStyles(dark)))
		if len(styles) < 20 {
			t.Fatalf("found only %d styles: the walk has lost its way", len(styles))
		}
		for name, st := range styles {
			// Reversed or not, the pair is the same two colours: a
			// reversed style with only a foreground draws the terminal's
			// background on it.
			fg, bg := st.GetForeground(), st.GetBackground()
			pairs := [][2]color.Color{{fg, bg}}
			_, fgSet := fg.(lipgloss.NoColor)
			_, bgSet := bg.(lipgloss.NoColor)
			fgSet, bgSet = !fgSet, !bgSet
			switch {
			case fgSet && bgSet:
			case !fgSet && !bgSet:
				continue // the terminal's own colours, which are the investigator's choice
			case !fgSet:
				// The terminal's foreground, whatever it is, on a
				// background of ours: not ours to guarantee.
				t.Errorf("dark=%v %s: a background with the terminal's foreground on it", dark, name)
				continue
			default:
				// A colour of ours on the terminal's background.
				pairs = pairs[:0]
				for _, b := range backgrounds {
					pairs = append(pairs, [2]color.Color{fg, lipgloss.Color(b)})
				}
			}
			for _, p := range pairs {
				if r := contrast(p[0], p[1]); r < 4.5 {
					t.Errorf("dark=%v %s: %s on %s has contrast %.2f:1, under 4.5:1", dark, name, hex(p[0]), hex(p[1]), r)
				}
			}
		}
	}
}

// styleFields finds every lipgloss.Style in v, by field path.
func styleFields(path string, v reflect.Value) map[string]lipgloss.Style {
	out := map[string]lipgloss.Style{}
	if st, ok := v.Interface().(lipgloss.Style); ok {
		out[path] = st
		return out
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				for k, st := range styleFields(path+"."+f.Name, v.Field(i)) {
					out[k] = st
				}
			}
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			for name, st := range styleFields(fmt.Sprintf("%s[%q]", path, k.Interface()), v.MapIndex(k)) {
				out[name] = st
			}
		}
	}
	return out
}

// contrast is WCAG 2's contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is WCAG 2's relative luminance of an sRGB colour.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

func hex(c color.Color) string {
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02X%02X%02X", r>>8, g>>8, b>>8)
}

func TestContrastRatio(t *testing.T) {
	// WCAG's own extremes, and a grey known to sit at 4.54:1 on white.
	for _, tt := range []struct {
		a, b string
		want float64
	}{{"#000000", "#FFFFFF", 21}, {"#FFFFFF", "#FFFFFF", 1}, {"#767676", "#FFFFFF", 4.54}} {
		if got := contrast(lipgloss.Color(tt.a), lipgloss.Color(tt.b)); math.Abs(got-tt.want) > 0.01 {
			t.Errorf("contrast(%s, %s) = %.3f, want %.2f", tt.a, tt.b, got, tt.want)
		}
	}
}
