package timelinejs

import (
	"net/url"
	"strings"

	"chrono/model"
)

// tweetPage is the address of the post that embed markup for a tweet
// shows, or "" for other markup. TimelineJS shows media whose url is
// Twitter's embed code, <blockquote class="twitter-tweet">, as the post
// itself rather than as a quote of no source; the code links the post
// last, after its date. Kept as the quote's source, the post is what the
// export's media shows again, from its address.
func tweetPage(markup string) string {
	toks := tokenize(markup)
	embed := false
	for _, t := range toks {
		if t.kind == startToken && t.name == "blockquote" {
			embed = strings.TrimSpace(t.attrs["class"]) == "twitter-tweet"
			break
		}
	}
	if !embed {
		return ""
	}
	page := ""
	for _, t := range toks {
		if t.kind != startToken || t.name != "a" {
			continue
		}
		if href, web := model.WebURL(strings.TrimSpace(t.attrs["href"])); web && isPost(href) {
			page = href
		}
	}
	return page
}

// isPost reports whether a web address is a post's on Twitter or X:
// https://twitter.com/NAME/status/ID.
func isPost(href string) bool {
	u, err := url.Parse(href)
	if err != nil {
		return false
	}
	switch strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(u.Host), "www."), "mobile.") {
	case "twitter.com", "x.com":
	default:
		return false
	}
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	return len(parts) >= 3 && parts[0] != "" && parts[1] == "status" && parts[2] != ""
}
