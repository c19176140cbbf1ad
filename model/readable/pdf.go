package readable

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	pdfmodel "github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// PDF extracts the text layer of a PDF, a line for each line of text as
// the page sets it and a line with a form feed between pages. (A blank
// line would be a paragraph break, which a quote's ellipsis may not
// run across; a sentence often goes on over a page's end, and the form
// feed lets a check say that a quote crossed a page break.) pdfcpu parses the
// file (it is maintained, pure Go, and bounds what a hostile file can
// make it allocate); the text is read from the pages' content streams
// here, through each font's ToUnicode map or its simple encoding. A PDF
// with more than lim.Pages pages, page contents that inflate past
// lim.Inflated, or no text at all (a scan) is refused.
func PDF(name string, data []byte, lim Limits) (text []byte, err error) {
	defer func() {
		// pdfcpu is a parser of untrusted input; should it panic, the
		// file is refused rather than the program ended.
		if r := recover(); r != nil {
			text, err = nil, fmt.Errorf("%s: reading it as a PDF failed (%v)", name, r)
		}
	}()
	ctx, err := api.ReadContext(bytes.NewReader(data), pdfConfig(lim))
	if err != nil {
		return nil, fmt.Errorf("%s: not a PDF chrono can read: %w", name, err)
	}
	if err := ctx.EnsurePageCount(); err != nil {
		return nil, fmt.Errorf("%s: counting its pages: %w", name, err)
	}
	if ctx.PageCount > lim.Pages {
		return nil, fmt.Errorf("%s: %d pages, more than the %d chrono reads; keep the pages the quotes are on", name, ctx.PageCount, lim.Pages)
	}
	budget := lim.Inflated
	var out strings.Builder
	for p := 1; p <= ctx.PageCount; p++ {
		d, _, inh, err := ctx.PageDict(p, true)
		if err != nil {
			return nil, fmt.Errorf("%s: page %d: %w", name, p, err)
		}
		if d == nil {
			continue
		}
		content, err := pageContent(ctx, d, &budget)
		if err != nil {
			return nil, fmt.Errorf("%s: page %d: %w", name, p, err)
		}
		var res types.Dict
		if inh != nil {
			res = inh.Resources
		}
		fonts := pageFonts(ctx, res)
		if p > 1 {
			out.WriteString("\n\f\n")
		}
		out.WriteString(strings.TrimSpace(showText(content, fonts)))
	}
	if strings.TrimSpace(out.String()) == "" {
		return nil, fmt.Errorf("%s: a PDF of %d %s with no text layer (a scan?); run OCR on it (ocrmypdf) and attach the result", name, ctx.PageCount, plural(ctx.PageCount, "page", "pages"))
	}
	return []byte(out.String()), nil
}

var disableConfigDir sync.Once

// pdfConfig is pdfcpu's configuration with no configuration directory
// (chrono writes nothing outside its store) and chrono's limits.
func pdfConfig(lim Limits) *pdfmodel.Configuration {
	disableConfigDir.Do(api.DisableConfigDir)
	conf := pdfmodel.NewDefaultConfiguration()
	conf.ValidationMode = pdfmodel.ValidationRelaxed
	conf.Limits.MaxStreamBytes = lim.Whole
	conf.Limits.MaxDecodeBytes = lim.Inflated
	return conf
}

// errBomb reports page contents that inflate past the limit.
var errBomb = errors.New("its page contents inflate past the limit (a zip bomb?)")

// pageContent returns a page's content streams, decoded, taking what
// they inflate to from budget.
func pageContent(ctx *pdfmodel.Context, page types.Dict, budget *int64) ([]byte, error) {
	o, found := page.Find("Contents")
	if !found || o == nil {
		return nil, nil
	}
	o, err := ctx.Dereference(o)
	if err != nil || o == nil {
		return nil, err
	}
	var streams []types.Object
	switch o := o.(type) {
	case types.StreamDict:
		streams = []types.Object{o}
	case types.Array:
		streams = o
	default:
		return nil, errors.New("its contents are neither a stream nor an array of them")
	}
	var out []byte
	for _, s := range streams {
		sd, _, err := ctx.DereferenceStreamDict(s)
		if err != nil {
			return nil, err
		}
		if sd == nil {
			continue
		}
		if *budget <= 0 {
			return nil, errBomb
		}
		if err := sd.DecodeWithLimit(*budget); err != nil {
			if strings.Contains(err.Error(), "limit") {
				return nil, errBomb
			}
			return nil, fmt.Errorf("decoding its contents: %w", err)
		}
		*budget -= int64(len(sd.Content))
		if *budget < 0 {
			return nil, errBomb
		}
		out = append(out, sd.Content...)
		out = append(out, '\n')
	}
	return out, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
