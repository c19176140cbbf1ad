package timelinejs

import (
	"testing"
)

func TestHTMLToText(t *testing.T) {
	tests := []struct {
		name, html, want string
		embeds           int
	}{
		{"plain", "just text", "just text", 0},
		{"entities", "caf&eacute; &amp; &lt;b&gt; &#8212; &#x2014; &nbsp;x", "café & <b> — — x", 0},
		{"unknown entity stays", "&bogus; &", "&bogus; &", 0},
		{"paragraphs", "<p>one</p><p>two</p>", "one\n\ntwo", 0},
		{"breaks", "a<br>b<br/>c<br><br>d", "a\nb\nc\n\nd", 0},
		{"list", "<ul><li>one</li><li>two</li></ul>after", "one\ntwo\n\nafter", 0},
		{"collapse", "  a \t  b  ", "a b", 0},
		{"collapse in HTML", "<p>  a \n\t b  </p>", "a b", 0},
		{"plain text keeps its lines", " a \n b ", "a\nb", 0},
		{"spaces across tags", "a <b>bold</b> word", "a bold word", 0},
		{"no space where none", "un<i>der</i>lined", "underlined", 0},
		{"link", `see <a href="https://x.org/r">the report</a>.`, "see the report (https://x.org/r).", 0},
		{"link showing its address", `<a href="https://x.org">https://x.org</a>`, "https://x.org", 0},
		{"anchor link", `<a href="#event-a">a</a>`, "a", 0},
		{"script link", `<a href="javascript:alert(1)">x</a>`, "x", 0},
		{"script and style", "a<script>if (a < b) {}</script><style>p{}</style>b", "ab", 0},
		{"image", `a<img src="x.png" alt="chart">b`, "ab", 1},
		{"iframe with fallback", `a<iframe src="x">fallback <iframe>inner</iframe></iframe>b`, "ab", 1},
		{"comment", "a<!-- <p>hidden</p> -->b", "ab", 0},
		{"stray angle brackets", "1 < 2 > 0, x<y", "1 < 2 > 0, x<y", 0},
		{"unclosed tag", "a <b", "a <b", 0},
		{"pre keeps spaces", "<pre>a  b\n  c</pre>", "a  b\n  c", 0},
		{"attributes with >", `<span title="a>b">x</span>`, "x", 0},
		{"upper case tags", "<P>one</P><BR>two", "one\n\ntwo", 0},
		{"blank lines in plain text", "a\r\n\r\n\r\nb", "a\n\nb", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, embeds := htmlToText(tt.html)
			if got != tt.want || embeds != tt.embeds {
				t.Errorf("htmlToText(%q) = %q, %d; want %q, %d", tt.html, got, embeds, tt.want, tt.embeds)
			}
		})
	}
}

// TestParagraphsRoundTrip checks that text written as HTML reads back the
// same, markup-like characters included.
func TestParagraphsRoundTrip(t *testing.T) {
	for _, text := range []string{
		"one line",
		"a <b> & \"c\" 'd'",
		"para one\nsecond line\n\npara two",
		"&amp; is not decoded twice",
		"ends with a break\n\n",
	} {
		got, _ := htmlToText(paragraphs(text))
		want := text
		if want == "ends with a break\n\n" {
			want = "ends with a break"
		}
		if got != want {
			t.Errorf("paragraphs(%q) reads back as %q", text, got)
		}
		got, _ = htmlToText(inline(text))
		if got != want {
			t.Errorf("inline(%q) reads back as %q", text, got)
		}
	}
}

func TestCredit(t *testing.T) {
	tests := []struct {
		name, credit string
		want         credit
	}{
		{"plain", "AP Photo/Jane Doe", credit{speaker: "AP Photo/Jane Doe"}},
		{"plain with markup", "<i>Reuters</i> &amp; AFP", credit{speaker: "Reuters & AFP"}},
		{"a cite of someone else's is text", "From <cite>Hamlet</cite>", credit{speaker: "From Hamlet"}},
		{
			"chrono's",
			`Omri Lavie, <span class="chrono-context">per Miller</span>, <span class="chrono-author">C. Timberg</span>, <cite data-source="wapo">The Post</cite>, <time datetime="2022-02-01">1 Feb 2022</time>`,
			credit{speaker: "Omri Lavie", context: "per Miller", author: "C. Timberg", publisher: "The Post", published: mustDate(t, "2022-02-01"), sourceID: "wapo", structured: true},
		},
		{"empty cite carries the id", `Gary Miller<cite data-source="od"></cite>`, credit{speaker: "Gary Miller", sourceID: "od", structured: true}},
		{
			"bad datetime stays in the text",
			`X, <cite data-source="s">P</cite>, <time datetime="soon">next week</time>`,
			credit{speaker: "X, , next week", publisher: "P", sourceID: "s", structured: true},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := readCredit(tt.credit)
			if got != tt.want {
				t.Errorf("readCredit(%q)\n = %+v\nwant %+v", tt.credit, got, tt.want)
			}
		})
	}
}
