package timesketch

import "strings"

// AppendAttribute adds a key and its value to a summary as Read carries
// a record's keys that chrono has no field for: a "key: value" line, in
// the order they come; readers of formats derived from Timesketch's
// (Plaso's) use it too, so that their attributes read the same.
func AppendAttribute(summary *strings.Builder, key, value string) {
	if summary.Len() > 0 {
		summary.WriteByte('\n')
	}
	summary.WriteString(key)
	summary.WriteString(": ")
	summary.WriteString(value)
}

// RecordID returns the id Read makes for a record that has none, from its
// date as written, its timestamp_desc and its message, before repeats are
// numbered; key identifies it in 48 bits, to count repeats by.
func RecordID(when, desc, message string) (key uint64, id string) {
	m := makeID(when, desc, message)
	return m.key, m.id
}
