// Package readable turns a source's content, as a user attaches it, into
// the readable text chrono keeps beside it: plain text and Markdown as
// they are, HTML reduced to the article's text, PDF's text layer. What
// comes in is untrusted: every kind has limits (size, pages, time), and an
// error names the file and what to do.
package readable

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"chrono/model"
)

// Limits bound what an attach reads and how long extraction may take.
type Limits struct {
	// Size is the largest original of any kind, in bytes. Plain text and
	// Markdown are streamed, so this bounds the store, not memory.
	Size int64
	// Whole is the largest HTML or PDF, which are read whole to be
	// reduced.
	Whole int64
	// Pages is the most pages a PDF may have.
	Pages int
	// Inflated is the most bytes a PDF's page contents may inflate to,
	// all pages together: a compressed stream that would grow past it is
	// a zip bomb.
	Inflated int64
	// Time is how long extracting a PDF's or HTML's text may take.
	Time time.Duration
}

// DefaultLimits are the limits chrono attaches with.
var DefaultLimits = Limits{Size: 512 << 20, Whole: 64 << 20, Pages: 5000, Inflated: 256 << 20, Time: 30 * time.Second}

// Content is a snapshot ready to be stored: its media type, its original
// bytes and its readable text, each read once by the store.
type Content struct {
	MediaType string
	// Original streams the original bytes; reading it fails, naming the
	// file, when a limit is passed or a plain text is not UTF-8.
	Original io.Reader
	// Text streams the readable text; nil when it is the original itself.
	Text io.Reader
}

// Open reads the start of r to tell its media type (from the name, then
// the bytes), and returns its content for the store. mediaType, when not
// "", is taken as given. HTML and PDF are read whole and reduced now;
// plain text and Markdown are checked as the store streams them.
func Open(name, mediaType string, r io.Reader, lim Limits) (Content, error) {
	br := bufio.NewReaderSize(r, 4096)
	head, err := br.Peek(512)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return Content{}, fmt.Errorf("%s: %w", name, err)
	}
	if mediaType == "" {
		if mediaType, err = Detect(name, head); err != nil {
			return Content{}, err
		}
	}
	// The latest snapshot is what quotes are checked against: one with
	// no words would make every quote of its source not found.
	if len(head) < 512 && len(bytes.TrimSpace(head)) == 0 {
		return Content{}, fmt.Errorf("%s is empty: there is nothing to check quotes against; attach the source's content", name)
	}
	switch mediaType {
	case model.MediaText, model.MediaMarkdown:
		return Content{MediaType: mediaType, Original: &utf8Reader{name: name, r: br, limit: lim.Size}}, nil
	case model.MediaHTML, model.MediaPDF:
		data, err := readWhole(name, br, lim.Whole)
		if err != nil {
			return Content{}, err
		}
		text, err := Text(name, mediaType, data, lim)
		if err != nil {
			return Content{}, err
		}
		if mediaType == model.MediaHTML && len(bytes.TrimSpace(text)) == 0 {
			return Content{}, fmt.Errorf("%s: an HTML page with no readable text (a script may write it as the page loads); save the page as a browser shows it (print it to PDF) and attach that", name)
		}
		return Content{MediaType: mediaType, Original: bytes.NewReader(data), Text: bytes.NewReader(text)}, nil
	}
	return Content{}, fmt.Errorf("%s: media type %q is not one chrono keeps; give text/plain, text/markdown, text/html or application/pdf", name, mediaType)
}

// Text is the readable text chrono keeps of data, an original of
// mediaType, as Open makes it: an HTML page's article, a PDF's text
// layer; nil for plain text and Markdown, which are their own text.
func Text(name, mediaType string, data []byte, lim Limits) ([]byte, error) {
	switch mediaType {
	case model.MediaHTML:
		text, err := withDeadline(name, lim.Time, func() ([]byte, error) { return HTML(name, data) })
		if cs := declaredCharset(data); errors.Is(err, errTextNotUTF8) && cs != "" && cs != "UTF-8" && cs != "UTF8" {
			return nil, fmt.Errorf("%s: its text is not valid UTF-8: the page is in %s, which it declares; convert it first (iconv -f %s -t UTF-8)", name, cs, cs)
		}
		return text, err
	case model.MediaPDF:
		return withDeadline(name, lim.Time, func() ([]byte, error) { return PDF(name, data, lim) })
	case model.MediaText, model.MediaMarkdown:
		return nil, nil
	}
	return nil, fmt.Errorf("%s: media type %q is not one chrono keeps; give text/plain, text/markdown, text/html or application/pdf", name, mediaType)
}

// errTextNotUTF8 is an extracted text that is not UTF-8.
var errTextNotUTF8 = errors.New("its text is not valid UTF-8")

// charsetDecl finds the character set an HTML page declares in a meta
// element, in its first bytes.
var charsetDecl = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?([a-z0-9_.:-]+)`)

// declaredCharset is the character set the page declares, "" for none.
func declaredCharset(data []byte) string {
	m := charsetDecl.FindSubmatch(data[:min(len(data), 4096)])
	if m == nil {
		return ""
	}
	return strings.ToUpper(string(m[1]))
}

// Detect tells a content's media type from its name's extension, or
// failing that from its first bytes.
func Detect(name string, head []byte) (string, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return model.MediaText, nil
	case ".md", ".markdown":
		return model.MediaMarkdown, nil
	case ".html", ".htm", ".xhtml":
		return model.MediaHTML, nil
	case ".pdf":
		return model.MediaPDF, nil
	}
	if bytes.HasPrefix(head, []byte("%PDF-")) {
		return model.MediaPDF, nil
	}
	switch sniffed, _, _ := strings.Cut(http.DetectContentType(head), ";"); sniffed {
	case "text/html", "text/xml":
		return model.MediaHTML, nil
	case "text/plain":
		return model.MediaText, nil
	}
	// Text with control characters (kept, and made safe when shown) is
	// still text: UTF-8 without NUL bytes.
	// (A character cut at the end of what was looked at is UTF-8 too;
	// the rest is checked as it streams.)
	if !bytes.Contains(head, []byte{0}) {
		if i := invalidAt(head); i < 0 || i > len(head)-utf8.UTFMax {
			return model.MediaText, nil
		}
	}
	return "", fmt.Errorf("%s: neither text, Markdown, HTML nor PDF by its name or its first bytes; say which with --type", name)
}

// readWhole reads r whole, refusing more than limit bytes.
func readWhole(name string, r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: larger than %s, the most chrono reads whole to extract its text; keep a smaller copy (the article alone)", name, sizeText(limit))
	}
	return data, nil
}

// withDeadline runs extract, giving up after limit: a file that makes an
// extractor loop ends the attach with an error, not a hang. (The
// extraction goes on in the background until the program ends.)
func withDeadline(name string, limit time.Duration, extract func() ([]byte, error)) ([]byte, error) {
	type result struct {
		text []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		text, err := extract()
		done <- result{text, err}
	}()
	t := time.NewTimer(limit)
	defer t.Stop()
	select {
	case r := <-done:
		if r.err == nil && !utf8.Valid(r.text) {
			return nil, fmt.Errorf("%s: %w (another character set?); convert it to UTF-8 first (iconv -f CHARSET -t UTF-8, CHARSET being the one it was saved in: LATIN1, WINDOWS-1252, …)", name, errTextNotUTF8)
		}
		return r.text, r.err
	case <-t.C:
		return nil, fmt.Errorf("%s: extracting its text took longer than %v; nothing was kept", name, limit)
	}
}

// sizeText says a byte count for people: "64 MiB".
func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
