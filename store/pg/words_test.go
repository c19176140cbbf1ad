package pg

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"chrono/model"
	"chrono/store/storetest"

	"github.com/jackc/pgx/v5"
)

func TestSearchWords(t *testing.T) {
	for _, c := range []struct {
		key  string
		want []string
	}{
		{"", []string{}},
		{"meeting in zurich\n\n\nlodz police\n50% done\n", []string{"done", "lodz", "meeting", "police", "zurich"}},
		{"cash, cash; cash!", []string{"cash"}},
		{"платёж «pegasus» o'brien—nso", []string{"brien—nso", "«pegasus»", "платёж"}},
		{"2017-08-24t10:00z", []string{"00z", "2017", "24t10"}},
		{"日本 日本語", []string{"日本語"}},
	} {
		if got := searchWords(c.key); !slices.Equal(got, c.want) {
			t.Errorf("searchWords(%q) = %q, want %q", c.key, got, c.want)
		}
	}
	long := strings.Repeat("0123456789abcdef", 10)
	if got, want := searchWords(long+" x"), []string{long[64:], long[:128]}; !slices.Equal(got, want) {
		t.Errorf("a long word's pieces: %q, want %q", got, want)
	}
	for _, w := range searchWords(strings.Repeat("é", 100)) {
		if !utf8.ValidString(w) || len(w) > maxWord+utf8.UTFMax {
			t.Errorf("a long word's piece %q (%d bytes)", w, len(w))
		}
	}
	for _, c := range []struct {
		text string
		want []string
	}{
		{long, []string{long[:64]}},
		{"Pegasus", []string{"pegasus"}},
		{"of NSO", []string{"nso"}},
		{"Zofia Weiss", []string{"zofia", "weiss"}},
		{"ab", nil},
		{"日本", nil},
		{"日本語", []string{"日本語"}},
		{"Zürich 2017-08", []string{"zurich", "2017"}},
		{"cash cash", []string{"cash"}},
		{"%_\\", nil},
	} {
		if got := searchFragments(model.FoldPattern(c.text)); !slices.Equal(got, c.want) {
			t.Errorf("searchFragments(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestEveryMatchHasItsFragmentsWords: wherever a pattern is in a key,
// each fragment of it lies in one of the key's words, so that the
// words' index never loses a match. Every piece of text that starts and
// ends on a character of each key is tried.
func TestEveryMatchHasItsFragmentsWords(t *testing.T) {
	for _, key := range []string{
		"meeting in zurich\n\n\nlodz police\n50% done\n",
		"платёж «pegasus» o'brien—nso\ncash-for-access, 2017-08\n",
		"a.b.c  def\tghi\x1b[31mjkl",
		"日本語のテキスト、と english_words",
		strings.Repeat("0123456789abcdef", 20) + " " + strings.Repeat("日本語のテキスト", 12) + "\n" + strings.Repeat("x", 129),
	} {
		words := searchWords(key)
		for i := 0; i < len(key); {
			for j := i + 1; j <= len(key); j++ {
				if j < len(key) && !utf8.RuneStart(key[j]) {
					continue // not the end of a character
				}
				for _, f := range searchFragments([]string{key[i:j]}) {
					if !slices.ContainsFunc(words, func(w string) bool { return strings.Contains(w, f) }) {
						t.Errorf("in %q, %q is in the key but its fragment %q in none of its words %q", key, key[i:j], f, words)
					}
				}
			}
			_, n := utf8.DecodeRuneInString(key[i:])
			i += n
		}
	}
}

// TestWordsStep: the tenth step fills the words of the events a database
// holds from before it and its vocabulary, makes their indexes and drops
// the trigram index on the whole key; a search that goes past its first
// look then finds a word's middle through them.
func TestWordsStep(t *testing.T) {
	url, c, _, step := eventsBeforeStep(t, "words", []model.Event{
		{ID: "zurich", Title: "Meeting in Zürich", Actors: []string{"Łódź Police"}},
		{ID: "cash", Title: "Bags of cash-for-access"},
		{ID: "other", Title: "Elsewhere"},
	})
	if err := migrateTo(c, false, migrations[:step+1]); err != nil {
		t.Fatal(err)
	}
	var vocabulary []string
	if err := c.QueryRow(ctx, `SELECT array_agg(word ORDER BY word) FROM search_words`).Scan(&vocabulary); err != nil {
		t.Fatal(err)
	}
	if want := []string{"access", "bags", "cash", "elsewhere", "for", "lodz", "meeting", "police", "zurich"}; !slices.Equal(vocabulary, want) {
		t.Errorf("the vocabulary after the step: %q, want %q", vocabulary, want)
	}
	for _, index := range []struct {
		name string
		want bool
	}{{"events_search", false}, {"events_words", true}, {"search_words_trigrams", true}} {
		var there bool
		if err := c.QueryRow(ctx, `SELECT to_regclass($1) IS NOT NULL`, index.name).Scan(&there); err != nil || there != index.want {
			t.Errorf("index %s there after the step: %v, want %v (%v)", index.name, there, index.want, err)
		}
	}

	s, err := Open(url, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkColumns(t, s)
	defer func(n int) { lookRows = n }(lookRows)
	lookRows = 1
	// A write puts its event's new words in the vocabulary.
	if _, err := s.Write(model.OpEdit, "retitle", func(tx model.Tx) error {
		return tx.PutEvent(model.Event{ID: "other", Title: "Elsewhere, in Zanzibar"})
	}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text string
		want []string
	}{
		{"anzib", []string{"other"}},
		{"URIC", []string{"zurich"}},
		{"h-for-acc", []string{"cash"}},
		{"odz pol", []string{"zurich"}},
		{"in", []string{"other", "zurich"}},
		{"eet", []string{"zurich"}},
		{"where", []string{"other"}},
		{"nowhere", nil},
	} {
		var got []string
		for e, err := range s.Events(model.Query{Text: c.text}) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, e.ID)
		}
		slices.Sort(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("search for %q after the step: %q, want %q", c.text, got, c.want)
		}
	}
}

// TestSearchReadsTheWordsIndex: past its first look, a search for a word
// few events hold is answered from the words' index, not by reading the
// investigation's events.
func TestSearchReadsTheWordsIndex(t *testing.T) {
	s := newStore(t, "a")
	storetest.Import(t, s, storetest.SynthInput(t, 3000))
	if _, err := s.first.c.Exec(ctx, `ANALYZE events; ANALYZE search_words`); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"Haddad", "nowhere-at-all", "addad ech"} {
		p := s.plan(model.Query{Text: text})
		words, args := p.wordsWhere(p.args)
		sql, args := pageSQL("body", " AND "+p.search+words, "ASC", args, batch)
		var doc []byte
		if err := s.first.c.QueryRow(ctx, "EXPLAIN (FORMAT JSON) "+sql, append([]any{pgx.QueryExecModeExec}, args...)...).Scan(&doc); err != nil {
			t.Fatal(err)
		}
		var plan any
		if err := json.Unmarshal(doc, &plan); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(fmt.Sprint(plan), "Index Name:events_words") {
			t.Errorf("the search for %q does not read the words' index: %s", text, doc)
		}
	}
}

// TestAWordAnImportAddsDoesNotHoldOthersUp: while an import that has put
// new words in the vocabulary is open, another writer adds the same word
// at once, rather than waiting for the import to commit (as a unique
// index would have it wait, for minutes; two imports would deadlock).
func TestAWordAnImportAddsDoesNotHoldOthersUp(t *testing.T) {
	url := freshDatabase(t)
	s, err := Open(url, Options{Author: "a"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	other, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close(ctx)
	if _, err := other.Exec(ctx, `SET lock_timeout = '2s'`); err != nil {
		t.Fatal(err)
	}
	added := ""
	s.afterBatch = func(tx pgx.Tx) {
		if added != "" {
			return
		}
		if err := tx.QueryRow(ctx, `SELECT word FROM search_words ORDER BY word LIMIT 1`).Scan(&added); err != nil {
			t.Error(err)
			return
		}
		err := pgx.BeginFunc(ctx, other, func(tx pgx.Tx) error { return addWords(tx, []string{added}, map[string]bool{}) })
		if err != nil {
			t.Errorf("adding %q beside the import: %v", added, err)
		}
	}
	storetest.Import(t, s, storetest.SynthInput(t, 10))
	if added == "" {
		t.Fatal("the import added no word")
	}
	var n int
	if err := other.QueryRow(ctx, `SELECT count(*) FROM search_words WHERE word = $1`, added).Scan(&n); err != nil || n == 0 {
		t.Errorf("%q is %d times in the vocabulary (%v)", added, n, err)
	}
}

// TestEventsCompressWithLZ4: the eleventh step has the events' wide
// columns compressed with lz4 (the test cluster's server has it), and a
// row too wide to stay whole is stored so.
func TestEventsCompressWithLZ4(t *testing.T) {
	s := newStore(t, "a")
	doc := `{"chrono": 1, "events": [{"id": "wide", "title": "` + strings.Repeat("bags of cash ", 400) + `"}]}`
	storetest.Import(t, s, storetest.NativeInput("wide.json", []byte(doc)))
	var method string
	if err := s.first.c.QueryRow(ctx, `SELECT pg_column_compression(body) FROM events WHERE inv = $1 AND id = 'wide'`, s.inv).Scan(&method); err != nil || method != "lz4" {
		t.Errorf("the wide event's body is compressed with %q (%v), want lz4", method, err)
	}
}
