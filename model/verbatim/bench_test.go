package verbatim

import (
	"math/rand"
	randv2 "math/rand/v2"
	"strings"
	"testing"
)

// benchTexts makes n texts of about size bytes of prose-like words, with
// typographic quotes, line breaks and paragraphs, and per quotes quotes
// taken from each: most verbatim, some needing the rules, some altered
// so that they are not found.
func benchTexts(n, size, per int) (texts []string, quotes [][]string) {
	rng := randv2.New(randv2.NewPCG(1, 2))
	// Prose has a few very common words and many rare ones: a vocabulary
	// of made-up words drawn by Zipf's law.
	syll := strings.Fields("ba ce di fo gu ka le mi no pu ra se ti vo wu xa ze cho sha tre")
	vocab := make([]string, 20000)
	for i := range vocab {
		var w strings.Builder
		for range 1 + i%4 {
			w.WriteString(syll[rng.IntN(len(syll))])
		}
		vocab[i] = w.String()
	}
	zipf := rand.NewZipf(rand.New(rand.NewSource(3)), 1.1, 1, uint64(len(vocab)-1))
	for range n {
		var b strings.Builder
		for b.Len() < size {
			for w := range 12 + rng.IntN(20) {
				if w > 0 {
					b.WriteByte(' ')
					if rng.IntN(15) == 0 {
						b.WriteByte('\n')
					}
				}
				word := vocab[zipf.Uint64()]
				if rng.IntN(30) == 0 {
					word = "“" + word + "”"
				}
				b.WriteString(word)
			}
			b.WriteString(".\n\n")
		}
		text := b.String()
		texts = append(texts, text)
		var qs []string
		for k := range per {
			at := rng.IntN(len(text) - 200)
			for text[at] != ' ' {
				at++
			}
			end := at + 40 + rng.IntN(80)
			for text[end] != ' ' {
				end++
			}
			q := text[at+1 : end]
			switch k % 10 {
			case 7, 8:
				q = strings.NewReplacer("“", `"`, "”", `"`, "\n", " ").Replace(q)
			case 9:
				q = q[:len(q)/2] + " money " + q[len(q)/2:]
			}
			qs = append(qs, q)
		}
		quotes = append(quotes, qs)
	}
	return texts, quotes
}

// BenchmarkVerify: 10,000 quotes against 1,000 texts of 50 KB each, an
// index built for each text, as chrono verify does it.
func BenchmarkVerify(b *testing.B) {
	texts, quotes := benchTexts(1000, 50<<10, 10)
	b.ResetTimer()
	for b.Loop() {
		var found [3]int
		for i, text := range texts {
			x := NewIndex(text)
			for _, q := range quotes[i] {
				found[x.Check(q).State]++
			}
		}
		b.ReportMetric(float64(found[NotFound]), "notfound/op")
	}
}
