package readable

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
)

// pdfPage is one page of a test PDF: its content stream, deflated when
// flate is set.
type pdfPage struct {
	content []byte
	flate   bool
}

// makePDF writes a PDF of the pages, each with the font Helvetica as F1,
// with a correct cross-reference table. kids, when set, replaces the page
// tree's Kids (for a tree that loops).
func makePDF(pages []pdfPage, kids string) []byte {
	var objs []string
	n := len(pages)
	// 1 catalog, 2 pages, 3 font, then per page: page, content.
	var kidRefs []string
	for i := range pages {
		kidRefs = append(kidRefs, fmt.Sprintf("%d 0 R", 4+2*i))
	}
	if kids == "" {
		kids = strings.Join(kidRefs, " ")
	}
	objs = append(objs, "<< /Type /Catalog /Pages 2 0 R >>")
	objs = append(objs, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, n))
	objs = append(objs, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	for i, p := range pages {
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 5+2*i))
		data := p.content
		filter := ""
		if p.flate {
			var b bytes.Buffer
			zw := zlib.NewWriter(&b)
			zw.Write(data)
			zw.Close()
			data, filter = b.Bytes(), " /Filter /FlateDecode"
		}
		objs = append(objs, fmt.Sprintf("<< /Length %d%s >>\nstream\n%s\nendstream", len(data), filter, data))
	}
	var out bytes.Buffer
	out.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return out.Bytes()
}

// textPage is a page showing lines of text.
func textPage(flate bool, lines ...string) pdfPage {
	var b strings.Builder
	b.WriteString("BT /F1 12 Tf 72 720 Td 14 TL\n")
	for i, l := range lines {
		if i > 0 {
			b.WriteString("T*\n")
		}
		fmt.Fprintf(&b, "(%s) Tj\n", strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(l))
	}
	b.WriteString("ET\n")
	return pdfPage{content: []byte(b.String()), flate: flate}
}
