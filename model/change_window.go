package model

// cutAround cuts two versions of a value to at most n characters each,
// keeping the same stretch of both around where they first differ, with
// an ellipsis on each side cut away. Cutting both from the front (or
// folding their white space) would hide a change at the start, in white
// space, or past the first n characters: a dry run would list a field as
// changed and show it the same on both sides.
func cutAround(a, b string, n int) (string, string) {
	ra, rb := []rune(a), []rune(b)
	if (len(ra) <= n && len(rb) <= n) || n < 3 {
		return a, b
	}
	i := 0
	for i < len(ra) && i < len(rb) && ra[i] == rb[i] {
		i++
	}
	// A quarter of the window before the difference says where it is;
	// the rest shows what changed. Near the end of the longer value the
	// window starts earlier, so that it is not left half empty.
	start := max(i-n/4, 0)
	start = max(min(start, max(len(ra), len(rb))-(n-1)), 0)
	return cutWindow(ra, start, n), cutWindow(rb, start, n)
}

// cutWindow is r from start, at most n characters with the ellipses
// that mark what was cut away before and after.
func cutWindow(r []rune, start, n int) string {
	if len(r) == 0 {
		return "" // an empty value stays empty: the field is cleared
	}
	if start >= len(r) {
		return "…"
	}
	head := ""
	if start > 0 {
		head = "…"
		n--
	}
	if len(r)-start <= n {
		return head + string(r[start:])
	}
	return head + string(r[start:start+n-1]) + "…"
}
