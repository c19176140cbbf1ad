package timelinejs

import (
	"encoding/json"
	"testing"
)

// tweetEmbed is Twitter's embed code for a post, as TimelineJS's own
// template gives it as media: the post's link comes last.
const tweetEmbed = `<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">Good dogs. <a href=\"https://twitter.com/hashtag/YearoftheDog?src=hash\">#YearoftheDog</a></p>&mdash; Kit Berry (@ItsMeKitB) <a href=\"https://twitter.com/ItsMeKitB/status/947659340864876544?ref_src=twsrc%5Etfw\">January 1, 2018</a></blockquote>`

// TestTweetPage: the post that Twitter's embed code shows is its last
// link to a post; other blockquotes show none.
func TestTweetPage(t *testing.T) {
	for _, tc := range []struct{ name, markup, want string }{
		{"embed", `<blockquote class="twitter-tweet"><p>x <a href="https://twitter.com/h?s=1">#h</a></p>— A (@a) <a href="https://twitter.com/a/status/1">1 Jan</a></blockquote>`, "https://twitter.com/a/status/1"},
		{"x.com", `<blockquote class='twitter-tweet'><a href="https://x.com/a/status/2">d</a></blockquote>`, "https://x.com/a/status/2"},
		{"no post link", `<blockquote class="twitter-tweet"><a href="https://twitter.com/a">a</a></blockquote>`, ""},
		{"another site's status", `<blockquote class="twitter-tweet"><a href="https://example.com/a/status/1">a</a></blockquote>`, ""},
		{"a plain blockquote", `<blockquote>Quote <a href="https://twitter.com/a/status/1">d</a></blockquote>`, ""},
		{"a script link", `<blockquote class="twitter-tweet"><a href="javascript:alert(1)//twitter.com/a/status/1">d</a></blockquote>`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tweetPage(tc.markup); got != tc.want {
				t.Errorf("tweetPage = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestTweetEmbedKeepsThePost: media that is Twitter's embed code reads as
// the post's words, quoted from the post, so that the export's media is
// the post again, which TimelineJS shows from its address, and reads back
// as the same quote of the same source.
func TestTweetEmbedKeepsThePost(t *testing.T) {
	doc := `{"events": [{"start_date": {"year": 2018}, "text": {"headline": "Tweet"}, "unique_id": "tweet",
	  "media": {"url": "` + tweetEmbed + `", "caption": "Pizza Dog", "credit": "ItsMeKitB"}}]}`
	tl, read := mustRead(t, doc)
	if !read.Empty() {
		t.Errorf("import counted %s, want nothing", read)
	}
	e := tl.Events[0]
	const post = "https://twitter.com/ItsMeKitB/status/947659340864876544?ref_src=twsrc%5Etfw"
	if len(e.Quotes) != 1 || len(tl.Sources) != 1 || tl.Sources[0].URL != post || e.Quotes[0].Source != tl.Sources[0].ID {
		t.Fatalf("read as quotes %+v of sources %+v, want one quote of %s", e.Quotes, tl.Sources, post)
	}
	if q := e.Quotes[0]; q.Speaker != "ItsMeKitB" || q.Context != "Pizza Dog" {
		t.Errorf("quote %+v, want the credit its speaker and the caption its context", q)
	}
	out, _ := export(t, tl)
	var m struct{ URL string }
	if err := json.Unmarshal(slidesOf(t, out)[0]["media"], &m); err != nil || m.URL != post {
		t.Errorf("media url %q (%v), want the post %s", m.URL, err, post)
	}
	back, _ := mustRead(t, out)
	if got := back.Events[0].Quotes; len(got) != 1 || got[0] != e.Quotes[0] || back.Sources[0].URL != post {
		t.Errorf("read back as %+v of %+v, want %+v of %s", got, back.Sources, e.Quotes, post)
	}
}
