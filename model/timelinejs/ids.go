package timelinejs

import (
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"chrono/model"
)

// maxSlug leaves room in a slug for the "-N" that makes it unique.
const maxSlug = model.MaxIDLen - 8

// unaccent maps the accented letters TimelineJS's slugify knows to plain
// ones; other letters outside a–z are dropped, as TimelineJS drops them.
var unaccent = strings.NewReplacer(
	"ã", "a", "à", "a", "á", "a", "ä", "a", "â", "a",
	"ẽ", "e", "è", "e", "é", "e", "ë", "e", "ê", "e",
	"ì", "i", "í", "i", "ï", "i", "î", "i",
	"õ", "o", "ò", "o", "ó", "o", "ö", "o", "ô", "o",
	"ù", "u", "ú", "u", "ü", "u", "û", "u",
	"ñ", "n", "ç", "c",
	"·", "-", "/", "-", "_", "-", ",", "-", ":", "-", ";", "-",
)

// slugify makes an id of text as TimelineJS makes one of a headline: lower
// case, accents dropped, other characters but letters, digits, spaces and
// dashes removed, and words joined with single dashes. Unlike TimelineJS
// it trims dashes from both ends, so that the id starts with a letter or
// digit, and it keeps ids short. It returns "" when nothing is left.
func slugify(text string) string {
	s := unaccent.Replace(strings.ToLower(strings.TrimSpace(text)))
	w := model.DashedWords{Max: maxSlug}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if !w.Add(r) {
				return w.String()
			}
		case r == '-' || unicode.IsSpace(r):
			w.Break()
		}
	}
	return w.String()
}

// HeadlineID is the id a slide without a unique_id is given from its
// headline, before a clash numbers it ("-2"); "" when the headline gives
// none.
func HeadlineID(headline string) string { return slugify(headline) }

// idSet hands out ids unique within one kind (events or sources).
type idSet struct {
	used map[string]bool
	next map[string]int // the next suffix to try for a root
	// elsewhere, when set, reports ids taken outside the file (a store's
	// sources), which claim does not hand out either.
	elsewhere func(string) bool
}

// free reports whether id can be handed out.
func (s *idSet) free(id string) bool {
	return !s.used[id] && (s.elsewhere == nil || !s.elsewhere(id))
}

// claim returns id when it is free, and otherwise the first free id-N
// from id-2 on, as TimelineJS numbers duplicate ids; the result is taken.
func (s *idSet) claim(id string) string {
	s.init()
	if s.free(id) {
		s.used[id] = true
		return id
	}
	n := max(s.next[id], 2)
	for {
		suffix := "-" + strconv.Itoa(n)
		root := id[:min(len(id), model.MaxIDLen-len(suffix))]
		if c := root + suffix; s.free(c) {
			s.next[id] = n + 1
			s.used[c] = true
			return c
		}
		n++
	}
}

// claimPassing is claim, calling passed with each id it passes over,
// taken, on its way to the one it gives: the id itself, then those
// numbered from where the last claim of the same id stopped.
func (s *idSet) claimPassing(id string, passed func(string)) string {
	s.init()
	if s.free(id) {
		s.used[id] = true
		return id
	}
	passed(id)
	n := max(s.next[id], 2)
	for {
		suffix := "-" + strconv.Itoa(n)
		root := id[:min(len(id), model.MaxIDLen-len(suffix))]
		c := root + suffix
		if s.free(c) {
			s.next[id] = n + 1
			s.used[c] = true
			return c
		}
		passed(c)
		n++
	}
}

// take hands out id as it is: a known source's own.
func (s *idSet) take(id string) string {
	s.init()
	s.used[id] = true
	return id
}

func (s *idSet) init() {
	if s.used == nil {
		s.used, s.next = map[string]bool{}, map[string]int{}
	}
}

// taken reports whether id has been handed out.
func (s *idSet) taken(id string) bool { return s.used[id] }

// hostID makes a source id of a URL's host: "www.occupydemocrats.com"
// gives "occupydemocrats.com". It returns "source" for a URL without one.
func hostID(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return "source"
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	var b strings.Builder
	for _, r := range host {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '-':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	id := strings.TrimLeft(b.String(), ".-")
	if len(id) > maxSlug {
		id = id[:maxSlug]
	}
	if id == "" {
		return "source"
	}
	return id
}

// tagOf makes a tag of a TimelineJS group: the group itself when it is a
// valid tag, else a slug of it (lower case, words joined with dashes,
// letters of any script kept). changed reports a slug; "" means no tag
// can be made of it.
func tagOf(group string) (tag string, changed bool) {
	if group == "" {
		return "", false
	}
	if model.CheckTag(group) == "" {
		return group, false
	}
	w := model.DashedWords{Max: model.MaxTagLen}
	for _, r := range strings.ToLower(group) {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			w.Break()
		} else if !w.Add(r) {
			break
		}
	}
	tag = w.String()
	if model.CheckTag(tag) != "" {
		return "", true
	}
	return tag, true
}
