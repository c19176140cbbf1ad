package readable

import (
	"bytes"
	"errors"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"chrono/model"
	"chrono/model/verbatim"
)

// open reads a content's original and text as the store would.
func open(t *testing.T, name, mediaType string, data []byte, lim Limits) (mt, original, text string, err error) {
	t.Helper()
	c, err := Open(name, mediaType, bytes.NewReader(data), lim)
	if err != nil {
		return "", "", "", err
	}
	o, err := io.ReadAll(c.Original)
	if err != nil {
		return c.MediaType, "", "", err
	}
	if c.Text == nil {
		return c.MediaType, string(o), string(o), nil
	}
	tx, err := io.ReadAll(c.Text)
	return c.MediaType, string(o), string(tx), err
}

// TestExtraction: each media type's readable text, and the original kept
// byte for byte.
func TestExtraction(t *testing.T) {
	article := `<!doctype html><html><head><title>T</title><style>p{color:red}</style><script>alert("x")</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><header>Site name</header>
<article><h1>Bags of  cash</h1>
<p>The company paid, in <em>bags</em> of cash,
   for the spyware.</p><script>document.write("injected")</script>
<aside>Read more: other stories</aside><p style="display: none">hidden</p>
<p>Second&nbsp;paragraph &amp; more.</p><pre>a  b
c</pre></article><footer>© Site</footer></body></html>`
	tests := []struct {
		name, file, mediaType string
		data                  []byte
		wantType, wantText    string
	}{
		{"plain text", "notes.txt", "", []byte("Line one.\nLine “two”.\n"), model.MediaText, "Line one.\nLine “two”.\n"},
		{"markdown", "post.md", "", []byte("# Title\n\nSome *text*.\n"), model.MediaMarkdown, "# Title\n\nSome *text*.\n"},
		{"text sniffed", "stdin", "", []byte("just words"), model.MediaText, "just words"},
		{"html by name", "page.html", "", []byte(article), model.MediaHTML,
			"Bags of cash\n\nThe company paid, in bags of cash, for the spyware.\n\nSecond paragraph & more.\n\na  b\nc"},
		{"html sniffed", "stdin", "", []byte(article), model.MediaHTML,
			"Bags of cash\n\nThe company paid, in bags of cash, for the spyware.\n\nSecond paragraph & more.\n\na  b\nc"},
		{"html with a stray byte only where no text is read", "s.html", "", []byte("<html><head><meta charset=\"windows-1252\"><script>var x = \"caf\xe9\";</script></head><body><p>The deal was signed.</p></body></html>"), model.MediaHTML, "The deal was signed."},
		{"html saved with a byte order mark", "bom.html", "", []byte("\uFEFF<html><body><p>One</p><p>Two</p></body></html>"), model.MediaHTML, "One\n\nTwo"},
		{"html without article", "p.htm", "", []byte(`<body><div>One</div><div>Two <b>three</b></div><script>x()</script></body>`), model.MediaHTML, "One\n\nTwo three"},
		{"html line breaks", "p.html", "", []byte("<p>NSO said: d\u00e9j\u00e0<br>vu <br/> line<br>\n break.</p><p>Old site<br><br>\n<br>laid out<br> <br>with breaks.<br></p>"), model.MediaHTML,
			"NSO said: d\u00e9j\u00e0\nvu\nline\nbreak.\n\nOld site\n\nlaid out\n\nwith breaks."},
		{"html inline quotations", "p.html", "", []byte(`<p>Lieu said NSO offered <q>bags of <q>real</q> cash</q> to Mobileum.</p>`), model.MediaHTML,
			"Lieu said NSO offered “bags of ‘real’ cash” to Mobileum."},
		{"pdf", "report.pdf", "", makePDF([]pdfPage{textPage(false, "Page one, line one.", "Line (two)."), textPage(true, "Page two caf\xe9.")}, ""), model.MediaPDF,
			"Page one, line one.\nLine (two).\n\f\nPage two café."},
		{"pdf sniffed", "stdin", "", makePDF([]pdfPage{textPage(true, "Only page.")}, ""), model.MediaPDF, "Only page."},
		{"type given", "x.bin", model.MediaMarkdown, []byte("*a*"), model.MediaMarkdown, "*a*"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mt, original, text, err := open(t, tt.file, tt.mediaType, tt.data, DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			if mt != tt.wantType {
				t.Errorf("media type %q, want %q", mt, tt.wantType)
			}
			if original != string(tt.data) {
				t.Error("the original was not kept byte for byte")
			}
			if text != tt.wantText {
				t.Errorf("text\n%q\nwant\n%q", text, tt.wantText)
			}
		})
	}
}

// TestRefusals: hostile or unreadable content fails with an error naming
// the file and what is wrong.
func TestRefusals(t *testing.T) {
	small := DefaultLimits
	small.Size, small.Whole, small.Pages, small.Inflated = 1000, 1000, 2, 1<<20
	fewPages := DefaultLimits
	fewPages.Pages = 2
	bomb := textPage(true, strings.Repeat("x", 4<<20))
	tests := []struct {
		name, file string
		data       []byte
		lim        Limits
		want       string
	}{
		{"invalid UTF-8", "latin1.txt", []byte("caf\xe9 au lait"), DefaultLimits, "latin1.txt: not UTF-8 at byte 3"},
		{"invalid UTF-8 late", "late.md", append(bytes.Repeat([]byte("é"), 5000), 0xff), DefaultLimits, "late.md: not UTF-8 at byte 10000"},
		{"cut character at the end", "cut.txt", []byte("ab\xc3"), DefaultLimits, "cut.txt: not UTF-8 at byte 2"},
		{"text too large", "big.txt", bytes.Repeat([]byte("a"), 5000), small, "big.txt: larger than 1000 bytes"},
		{"html too large", "big.html", bytes.Repeat([]byte("<p>a</p>"), 500), small, "big.html: larger than 1000 bytes"},
		{"html not UTF-8", "l.html", []byte("<p>caf\xe9</p>"), DefaultLimits, "l.html: its text is not valid UTF-8 (another character set?); convert it to UTF-8 first (iconv -f CHARSET -t UTF-8"},
		{"html in the charset it declares", "w.html", []byte("<html><head><meta charset=\"windows-1252\"></head><body><p>caf\xe9</p></body></html>"), DefaultLimits, "w.html: its text is not valid UTF-8: the page is in WINDOWS-1252, which it declares; convert it first (iconv -f WINDOWS-1252 -t UTF-8)"},
		{"html declared UTF-8 and not", "u.html", []byte("<meta charset=\"utf-8\"><p>caf\xe9</p>"), DefaultLimits, "u.html: its text is not valid UTF-8 (another character set?); convert it to UTF-8 first (iconv -f CHARSET"},
		{"html in the charset its http-equiv declares", "l1.html", []byte("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>caf\xe9</p>"), DefaultLimits, "l1.html: its text is not valid UTF-8: the page is in ISO-8859-1, which it declares; convert it first (iconv -f ISO-8859-1 -t UTF-8)"},
		{"pdf without text", "scan.pdf", makePDF([]pdfPage{{content: []byte("q 100 0 0 100 0 0 cm Q")}, {content: []byte("")}, {content: []byte("0 0 m 10 10 l S")}}, ""), DefaultLimits,
			"scan.pdf: a PDF of 3 pages with no text layer"},
		{"pdf too many pages", "long.pdf", makePDF([]pdfPage{textPage(false, "a"), textPage(false, "b"), textPage(false, "c")}, ""), fewPages, "long.pdf: 3 pages, more than the 2"},
		{"zip bomb", "bomb.pdf", makePDF([]pdfPage{bomb}, ""), Limits{Size: 1 << 30, Whole: 1 << 30, Pages: 10, Inflated: 1 << 20, Time: time.Minute}, "bomb.pdf: page 1: its page contents inflate past the limit"},
		{"page tree loops", "loop.pdf", makePDF([]pdfPage{textPage(false, "a")}, "2 0 R"), DefaultLimits, "loop.pdf:"},
		{"not a pdf", "broken.pdf", []byte("%PDF-1.4 nothing else"), DefaultLimits, "broken.pdf: not a PDF chrono can read"},
		{"empty", "empty.txt", nil, DefaultLimits, "empty.txt is empty: there is nothing to check quotes against"},
		{"only white space", "blank.md", []byte(" \n\n\t\n"), DefaultLimits, "blank.md is empty"},
		{"html without text", "app.html", []byte(`<html><body><div id="app"></div><script>render()</script></body></html>`), DefaultLimits,
			"app.html: an HTML page with no readable text (a script may write it as the page loads)"},
		{"binary", "data.bin", []byte{0, 1, 2, 3, 0xff, 0xfe}, DefaultLimits, "data.bin: neither text, Markdown, HTML nor PDF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, text, err := open(t, tt.file, "", tt.data, tt.lim)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("error %v, want one starting %q (text %.40q)", err, tt.want, text)
			}
		})
	}
}

// TestExtractionTimeLimit: an extractor that does not finish in time
// ends with an error naming the file.
func TestExtractionTimeLimit(t *testing.T) {
	block := make(chan struct{})
	defer close(block)
	_, err := withDeadline("slow.pdf", 10*time.Millisecond, func() ([]byte, error) { <-block; return nil, errors.New("never") })
	if err == nil || !strings.Contains(err.Error(), "slow.pdf: extracting its text took longer than 10ms") {
		t.Fatal(err)
	}
}

// TestEnormousLine: a text of one line many times larger than any
// buffer streams through whole.
func TestEnormousLine(t *testing.T) {
	line := bytes.Repeat([]byte("word “quoted” "), 1<<20) // 16 MiB, no line break
	c, err := Open("one-line.txt", "", bytes.NewReader(line), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(c.Original)
	if err != nil || !bytes.Equal(got, line) {
		t.Fatalf("read %d bytes, %v", len(got), err)
	}
}

// TestUTF8ReaderSmallReads: characters cut by every possible read size
// still pass, and a bad byte is found wherever the cut falls.
func TestUTF8ReaderSmallReads(t *testing.T) {
	text := []byte(strings.Repeat("aé€😀", 50))
	for size := 5; size < 12; size++ {
		u := &utf8Reader{name: "x", r: bytes.NewReader(text)}
		var got []byte
		buf := make([]byte, size)
		for {
			n, err := u.Read(buf)
			got = append(got, buf[:n]...)
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("size %d: %v", size, err)
			}
		}
		if !bytes.Equal(got, text) {
			t.Fatalf("size %d: got %q", size, got)
		}
	}
}

// TestSeedArticle: the example's source, when present beside the
// repository, is kept as plain text whole.
func TestSeedArticle(t *testing.T) {
	data, err := os.ReadFile("../../../shared/seed/nso-bags-of-cash.txt")
	if err != nil {
		t.Skip("the example's source text is not beside the repository")
	}
	_, _, text, err := open(t, "nso-bags-of-cash.txt", "", data, DefaultLimits)
	if err != nil || text != string(data) {
		t.Fatalf("%v", err)
	}
}

// FuzzHTML: the reduction never fails or panics on any bytes, gives
// valid UTF-8 for valid UTF-8, keeps no script's text, and
// leaves no run of blank lines or spaces at a paragraph's ends.
func FuzzHTML(f *testing.F) {
	f.Add([]byte(`<article><p>a <b>b</b> c</p><script>secret()</script></article>`))
	f.Add([]byte(`<p>x<style>.secret{}</style><pre> y  </pre>`))
	f.Add([]byte("<div hidden>h</div><p>\u00a0\t</p><table><tr><td>1<td>2</table>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := HTML("fuzz.html", data)
		if err != nil {
			t.Fatal(err)
		}
		if utf8.Valid(data) && !utf8.Valid(text) {
			t.Fatalf("invalid UTF-8 from valid input: %q", text)
		}
		for _, p := range strings.Split(string(text), "\n\n") {
			if len(text) > 0 && strings.TrimSpace(p) == "" || strings.HasPrefix(p, " ") {
				t.Fatalf("paragraph %q in %q", p, text)
			}
		}
		// What follows data may become its text (after a <plaintext>),
		// so the mark goes before it.
		marked := append([]byte("<p>x</p><script>SCRIPTMARK"), data...)
		if text, _ := HTML("fuzz.html", marked); bytes.Contains(text, []byte("SCRIPTMARK")) {
			t.Fatalf("a script's text kept: %q", text)
		}
	})
}

// TestDetectTextWithControls: a text holding escape sequences and bells
// is text (made safe when shown), not binary; NUL bytes are binary.
func TestDetectTextWithControls(t *testing.T) {
	for head, want := range map[string]string{
		"safe \x1b[31mred\x1b[0m \x1b]0;t\x07 text": model.MediaText,
		"cut at the end é"[:17]:                     model.MediaText,
		"nul\x00":                                   "",
	} {
		if got, _ := Detect("stdin", []byte(head)); got != want {
			t.Errorf("%q: %q, want %q", head, got, want)
		}
	}
}

// TestQuoteAcrossPages: a quote that runs from one page of a PDF to the
// next is found in its text, with or without an ellipsis, and the check
// says it crossed a page break; words not on the pages are still not
// found.
func TestQuoteAcrossPages(t *testing.T) {
	checkQuotesInPDF(t, []pdfPage{
		textPage(false, "Lavie said that they would drop bags", "of cash at the office of the"),
		textPage(true, "minister, the paper reports.", "Nothing else."),
	}, []quoteInPDF{
		{"at the office of the minister, the paper reports", verbatim.Normalised, []string{"whitespace", "page-break"}},
		{"they would … minister, the paper", verbatim.Normalised, []string{"ellipsis", "page-break"}},
		{"they would … the minister", verbatim.Normalised, []string{"whitespace", "ellipsis", "page-break"}},
		{"drop bags of cash", verbatim.Normalised, []string{"whitespace"}},
		{"at the office of the prime minister", verbatim.NotFound, nil},
		{"they would … the prime minister", verbatim.NotFound, nil},
	})
}

// quoteInPDF is a quote to check in a PDF's text, and what the check is
// to find.
type quoteInPDF struct {
	quote string
	state verbatim.State
	rules []string
}

// checkQuotesInPDF checks each quote against the text of a PDF of the
// pages.
func checkQuotesInPDF(t *testing.T, pages []pdfPage, quotes []quoteInPDF) {
	t.Helper()
	text, err := PDF("report.pdf", makePDF(pages, ""), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range quotes {
		r := verbatim.Check(tc.quote, string(text))
		if r.State != tc.state || !slices.Equal(r.Rules.Names(), tc.rules) {
			t.Errorf("%q in %q: %v (%v), want %v (%v)", tc.quote, text, r.State, r.Rules, tc.state, tc.rules)
		}
	}
}

// TestQuoteAcrossRunningLines: a quote that runs from one page of a PDF
// to the next is found across the pages' running head and foot (a title,
// a page number), and the check names them; without them between its
// words it is found as before, naming none.
func TestQuoteAcrossRunningLines(t *testing.T) {
	checkQuotesInPDF(t, []pdfPage{
		textPage(false, "The Bags of Cash Report", "Lavie said that they would drop bags", "of cash at the office of the", "Page 1 of 3"),
		textPage(true, "The Bags of Cash Report", "minister, the paper reports. The investi-", "Page 2 of 3"),
		textPage(false, "The Bags of Cash Report", "gation began in 2017.", "Page 3 of 3"),
	}, []quoteInPDF{
		{"at the office of the minister, the paper reports", verbatim.Normalised, []string{"whitespace", "page-break", "headers-footers"}},
		{"The investigation began in 2017.", verbatim.Normalised, []string{"whitespace", "hyphenation", "page-break", "headers-footers"}},
		{"drop bags of cash", verbatim.Normalised, []string{"whitespace"}},
		{"at the office of the prime minister", verbatim.NotFound, nil},
	})
}
