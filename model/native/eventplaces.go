package native

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"

	"chrono/model"
)

// The problems of an event read alone (ReadEvent) are placed at the
// member they name: the reader places a problem of an event's content at
// the event's start, which in a document tells the events apart, but in
// the text of one event an investigator edits says nothing.

// placeAtMembers moves each problem of ps placed at the event's start,
// or not placed, to the line and column of the member its message names,
// when body has one. The reader read body after prefix bytes on its first line, so a
// place on that line is prefix's length further on than in body; a
// problem placed there and at no member is placed at the event's start
// in body.
func placeAtMembers(body []byte, prefix int, ps *model.Problems) {
	i := len(body) - len(bytes.TrimLeft(body, " \t\r\n"))
	start := lineCol(body, i)
	read := start
	if read[0] == 1 {
		read[1] += prefix
	}
	members := memberPlaces(body)
	for i := range ps.List {
		p := &ps.List[i]
		atStart := p.Line == read[0] && p.Column == read[1]
		if unplaced := p.Line == 0 && p.Byte == 0; !atStart && !unplaced {
			continue
		}
		at, ok := memberPlace(members, p.Msg)
		if !ok {
			at = start
		}
		p.Line, p.Column = at[0], at[1]
	}
}

// memberPlaces returns the line and column of each member name of the
// object body holds, and of each item of a member that is an array, as
// "quotes/1", as far as it can be read.
func memberPlaces(body []byte) map[string][2]int {
	places := map[string][2]int{}
	dec := jsontext.NewDecoder(bytes.NewReader(body))
	member := ""
	// The places only move on, so each is counted from the one before:
	// lineCol from the start for each item of a long array would read
	// the body again for each.
	at := lineCursor{b: body, line: 1}
	for {
		depth := dec.StackDepth()
		kind, read := dec.StackIndex(depth)
		name := depth == 1 && dec.PeekKind() == '"' && read%2 == 0 // names and values alternate
		item := depth == 2 && kind == '[' && dec.PeekKind() != ']'
		from := dec.InputOffset()
		tok, err := dec.ReadToken()
		if err != nil {
			return places
		}
		switch {
		case name:
			member = tok.String()
			if _, seen := places[member]; !seen {
				places[member] = at.move(int(from) + bytes.IndexByte(body[from:], '"'))
			}
		case item:
			// The item starts after the space and comma before it.
			i := int(from) + bytes.IndexFunc(body[from:], func(r rune) bool { return !strings.ContainsRune(" \t\r\n,", r) })
			key := member + "/" + strconv.FormatInt(read, 10)
			if _, seen := places[key]; !seen {
				places[key] = at.move(i)
			}
		}
	}
}

// memberPlace is where in an object the member a problem's message is
// about is (memberPlaces): the item it numbers ("quote #2: …" is at the
// second of quotes), else the member.
func memberPlace(places map[string][2]int, msg string) ([2]int, bool) {
	member := memberNamed(msg)
	if _, rest, ok := strings.Cut(msg, " #"); ok && strings.HasPrefix(msg, itemName(member)+" #") {
		digits := rest[:len(rest)-len(strings.TrimLeft(rest, "0123456789"))]
		if n, err := strconv.Atoi(digits); err == nil && n > 0 {
			if at, ok := places[member+"/"+strconv.Itoa(n-1)]; ok {
				return at, true
			}
		}
	}
	at, ok := places[member]
	return at, ok
}

// lineCursor gives the line and column of bytes of b in increasing
// order, reading each byte once.
type lineCursor struct {
	b         []byte
	i         int // the byte the line and column are of
	line, col int // col counts the characters before i on its line
}

// move returns the line and column (as lineCol) of byte i ≥ c.i.
func (c *lineCursor) move(i int) [2]int {
	seg := c.b[c.i:i]
	if nl := bytes.LastIndexByte(seg, '\n'); nl >= 0 {
		c.line += bytes.Count(seg, []byte("\n"))
		c.col = utf8.RuneCount(seg[nl+1:])
	} else {
		c.col += utf8.RuneCount(seg)
	}
	c.i = i
	return [2]int{c.line, 1 + c.col}
}

// lineCol is the line and column (in characters, from 1) of byte i of b.
func lineCol(b []byte, i int) [2]int {
	line := 1 + bytes.Count(b[:i], []byte("\n"))
	lineStart := bytes.LastIndexByte(b[:i], '\n') + 1
	return [2]int{line, 1 + utf8.RuneCount(b[lineStart:i])}
}

// memberNamed is the member a problem's message is about: the unknown
// one it names, or the field it begins with ("date" of `date "2018-13":
// …`, "quotes" of "quote #2: …").
func memberNamed(msg string) string {
	if rest, ok := strings.CutPrefix(msg, `unknown field "`); ok {
		name, _, _ := strings.Cut(rest, `"`)
		return name
	}
	field := msg
	if i := strings.IndexAny(msg, ` :#"`); i >= 0 {
		field = msg[:i]
	}
	switch field {
	case "quote", "link", "note", "actor", "tag":
		return field + "s"
	case "medium":
		return "media"
	}
	return field
}

// itemName is what a problem's message calls an item of a list member:
// "quote" of quotes, "medium" of media.
func itemName(member string) string {
	if member == "media" {
		return "medium"
	}
	return strings.TrimSuffix(member, "s")
}
