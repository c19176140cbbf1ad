package pg

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
)

// A search's candidates are found by the words of the events' search
// keys, not by the keys' trigrams. Each event row keeps the distinct
// words of its key (searchWords) in the words column, under a GIN index;
// every word any event has had is kept in search_words (addWords), under
// a trigram index when pg_trgm can be had. A search's pattern is cut into
// fragments the same way (searchFragments): wherever a piece of the
// pattern is in a key, each of its fragments lies within one word of
// the key. So the events whose words include, for each fragment, one of
// the vocabulary's words that hold it are a superset of the matches;
// the key's LIKE and the check in Go (search.go) then narrow them to
// the matches exactly.
//
// The trigram index it replaces cost an import 190–260 µs an event
// (about 400 trigrams cut, sorted and inserted for a key of some 630
// characters); the words' index costs about 30, for some 60 words, and
// the vocabulary grows only with words not seen before.

// minFragment is the shortest fragment, in characters, a search looks up
// in the vocabulary: a shorter one is held by too many words to narrow
// anything, and pg_trgm's index, which cuts words into three characters,
// cannot find it.
const minFragment = 3

// isWordByte reports whether a byte of a folded key belongs to a word:
// ASCII letters and digits, and every byte of a character beyond ASCII.
// Only ASCII punctuation, spaces and controls part words; that rule does
// not depend on the database's locale, and needs no table of letters.
func isWordByte(c byte) bool {
	return c >= 0x80 || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// splitWords calls fn with each word of s, in order.
func splitWords(s string, fn func(w string)) {
	start := -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) && isWordByte(s[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			fn(s[start:i])
			start = -1
		}
	}
}

// An index entry has a limit (a few kilobytes), and a key may hold a
// word longer than that: a hash, a blob, a line of some language that
// does not part its words with ASCII. A word longer than maxWord bytes
// is kept as pieces of maxWord bytes, each starting maxFragment bytes
// after the one before; a fragment is looked up by its first
// maxFragment bytes at most. Whatever maxFragment bytes of the word a
// fragment's first bytes match lie within one piece.
const (
	maxWord     = 128
	maxFragment = 64
)

// searchWords returns the distinct words of a search key, sorted, long
// ones in pieces. A word shorter than minFragment holds no fragment a
// search looks up, and is left out.
func searchWords(key string) []string {
	words := []string{}
	splitWords(key, func(w string) {
		switch {
		case utf8.RuneCountInString(w) < minFragment:
			return
		case len(w) <= maxWord:
			words = append(words, w)
			return
		}
		// A long word's pieces.
		for at := 0; at < len(w); at += maxWord - maxFragment {
			// Widened to whole characters: the piece only holds more.
			start, end := runeStart(w, at), min(len(w), at+maxWord)
			for end < len(w) && !utf8.RuneStart(w[end]) {
				end++
			}
			words = append(words, w[start:end])
			if end == len(w) {
				break
			}
		}
	})
	slices.Sort(words)
	return slices.Compact(words)
}

// runeStart returns the start of the character at byte i of s.
func runeStart(s string, i int) int {
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// searchFragments returns the fragments of a search's folded pieces
// (model.FoldPattern) that the vocabulary is asked for: each piece's
// words cut to maxFragment bytes, of minFragment characters or more,
// each once.
func searchFragments(pieces []string) []string {
	var out []string
	for _, p := range pieces {
		splitWords(p, func(w string) {
			if len(w) > maxFragment {
				w = w[:runeStart(w, maxFragment)]
			}
			if utf8.RuneCountInString(w) >= minFragment && !slices.Contains(out, w) {
				out = append(out, w)
			}
		})
	}
	return out
}

// addWords puts words into the vocabulary, those it does not hold yet,
// and notes them in known (not nil): the words an import has added in
// its transaction, so that it sends each word once (its batches leave
// out the words known holds). known is emptied at maxKnownWords, to bound
// its memory. It sorts words in place.
//
// The vocabulary has no unique index, on purpose: a writer adding a word
// another transaction has added but not committed would wait for that
// transaction (an import holds its own for minutes), and two imports
// adding each other's words would deadlock. Two writers that add one
// word at once both keep it; a word twice in the vocabulary costs a
// search nothing but a duplicate in its list.
func addWords(tx pgx.Tx, words []string, known map[string]bool) error {
	if len(words) == 0 {
		return nil
	}
	slices.Sort(words)
	words = slices.Compact(words)
	if _, err := tx.Exec(ctx, addWordsSQL("$1"), words); err != nil {
		return err
	}
	if len(known)+len(words) > maxKnownWords {
		clear(known)
	}
	for _, w := range words {
		// A copy: w shares the memory of its event's whole key.
		known[strings.Clone(w)] = true
	}
	return nil
}

// addWordsSQL is the statement that puts the words of the text array
// param into the vocabulary, those it does not hold yet.
func addWordsSQL(param string) string {
	return `INSERT INTO search_words (word) SELECT w FROM unnest(` + param + `::text[]) AS w
		WHERE NOT EXISTS (SELECT 1 FROM search_words WHERE word = w)`
}

// maxKnownWords bounds the words an import remembers having added.
const maxKnownWords = 1 << 20

// indexWords is the tenth step: the words column and its index, filled
// for the events stored, the vocabulary and its trigram index when
// pg_trgm can be had, and the trigram index on the whole key dropped.
func indexWords(tx pgx.Tx) error {
	// The old index goes first: each row is written again as its words
	// are filled in, and kept up, it took that most of the step's time.
	if _, err := tx.Exec(ctx, `DROP INDEX IF EXISTS events_search;
ALTER TABLE events ADD COLUMN words text[] COLLATE "C" NOT NULL DEFAULT '{}';
CREATE TABLE search_words (word text COLLATE "C" NOT NULL);
CREATE INDEX search_words_word ON search_words (word)`); err != nil {
		return err
	}
	if err := fillWords(tx); err != nil {
		return err
	}
	// Without a default, a chrono from before the step, still connected,
	// fails to write an event rather than writing one no search finds.
	if _, err := tx.Exec(ctx, `ALTER TABLE events ALTER COLUMN words DROP DEFAULT;
INSERT INTO search_words SELECT DISTINCT unnest(words) FROM events;
CREATE INDEX events_words ON events USING gin (words)`); err != nil {
		return err
	}
	// Without pg_trgm the vocabulary is read whole for a search, which is
	// still far smaller than the events.
	return optional(tx, `CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX search_words_trigrams ON search_words USING gin (word gin_trgm_ops)`)
}

// fillWords writes the words of every stored event's search key. They
// go to the server a line each, joined by a space, which no word holds.
func fillWords(tx pgx.Tx) error {
	return fillColumn(tx, "search", "words = array_remove(string_to_array(k.v, ' '), '')", func(_ string, key []byte) string {
		return strings.Join(searchWords(string(key)), " ")
	})
}
