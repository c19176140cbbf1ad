package model

import (
	"strconv"
	"strings"
)

// listedPart is one part a DateTextPart lists: its name, and the length
// in bytes of its words, for every part but the last.
type listedPart struct {
	name   string
	length int
}

// dateTextOrder is the order in which a list names the parts.
var dateTextOrder = []string{"whole", "start", "end"}

// list reads p as a list of parts ("whole:9,start:11,end"): two or
// more, each at most once and in dateTextOrder, every one but the last
// with the length of its words, at least 1.
func (p DateTextPart) list() ([]listedPart, bool) {
	items := strings.Split(string(p), ",")
	if len(items) < 2 {
		return nil, false
	}
	parts := make([]listedPart, 0, len(items))
	next := 0 // the first of dateTextOrder the next item may name
	for i, item := range items {
		name, length, hasLength := strings.Cut(item, ":")
		if hasLength != (i < len(items)-1) {
			return nil, false
		}
		at := indexOfName(name)
		if at < next {
			return nil, false
		}
		next = at + 1
		lp := listedPart{name: name}
		if hasLength {
			n, err := strconv.Atoi(length)
			if err != nil || n < 1 || strconv.Itoa(n) != length {
				return nil, false
			}
			lp.length = n
		}
		parts = append(parts, lp)
	}
	return parts, true
}

// indexOfName is the place of a part's name in dateTextOrder, -1 for
// none.
func indexOfName(name string) int {
	for i, n := range dateTextOrder {
		if n == name {
			return i
		}
	}
	return -1
}

// of returns the words of the part named, one of dateTextOrder.
func (t *DateTexts) of(name string) *string {
	switch name {
	case "whole":
		return &t.Whole
	case "start":
		return &t.Start
	}
	return &t.End
}
