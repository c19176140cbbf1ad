package evidence

import (
	"html/template"
	"path"

	"chrono/model/quotecheck"
	"chrono/model/termtext"
)

// head is what every page begins with. The Content-Security-Policy
// forbids scripts and every load, should any escape the escaping; the
// style is the page's own.
const head = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="chrono">
<style>
body { font-family: Georgia, serif; max-width: 52em; margin: 2em auto; padding: 0 1em; line-height: 1.45; color: #111; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; }
code, .hash, .id { font-family: Menlo, Consolas, monospace; font-size: 0.9em; word-break: break-all; }
.text, .multi { white-space: pre-wrap; }
article { border-top: 1px solid #ccc; padding-top: 0.5em; margin-top: 1em; }
blockquote { margin: 0.5em 0 0.5em 1em; padding-left: 0.8em; border-left: 4px solid #999; }
blockquote.not-found { border-left-color: #b00; }
div.closest { margin-left: 1em; } blockquote.source { border-left-color: #fcc; }
.state { font-family: Helvetica, Arial, sans-serif; font-size: 0.9em; }
.warn { color: #b00; font-weight: bold; }
del { background: #fdd; } ins { background: #dfd; }
mark.quote { background: #ff6; } mark.closest { background: #fcc; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 0.2em 0.4em; vertical-align: top; text-align: left; }
</style>
`

// funcs show untrusted text: t keeping its lines, l on one line, each
// control and invisible character as a visible mark. The template
// escapes what they return. passageHead and diffHead name a misquote's
// closest passage and its difference from it as chrono says them
// everywhere else; the passage stands after the quote's blockquote, in
// one of its own, so that the source's words never read as the quote's.
var funcs = template.FuncMap{"t": show, "l": termtext.Line, "base": path.Base, "count": count,
	"passageHead": func() string { return quotecheck.PassageHead }, "diffHead": func() string { return quotecheck.DiffHead }}

var indexTemplate = template.Must(template.New("index").Funcs(funcs).Parse(`
{{define "head"}}` + head + `<title>{{l .Header.Title}} (evidence)</title>
</head>
<body>
<header>
<h1>{{with .Header.Title}}{{l .}}{{else}}Untitled investigation{{end}}</h1>
{{with .Header.Description}}<p class="multi">{{t .}}</p>{{end}}
<p>Exported {{with .By}}by {{l .}} {{end}}with chrono on {{.Exported}}: {{count .Report.Events "event" "events"}}, {{count .Report.Quotes "quote" "quotes"}}, {{count (len .Sources) "source" "sources"}}, {{count .Report.Snapshots "snapshot" "snapshots"}}.</p>
</header>

<section id="custody">
<h2>Custody</h2>
<dl>
<dt>Journal</dt>
<dd><a href="journal.jsonl">journal.jsonl</a>: {{count .Report.Entries "entry" "entries"}}, oldest first, each with the SHA-256 of its content (<code>hash</code>) and the hash of the entry before it (<code>prev</code>).</dd>
<dt>Chain head</dt>
<dd><code class="hash">{{.Head}}</code>{{if .Report.Head.Hash}} (SHA-256 <code class="hash">{{.Report.Head.Hash}}</code>){{end}}: compare it with a head noted earlier (<code>chrono log --head</code>); if they agree, nothing up to that entry was rewritten since.</dd>
<dt>Chain</dt>
<dd{{if .Broken}} class="warn"{{end}}>{{.Chain}}</dd>
<dt>Manifest</dt>
<dd><a href="SHA256SUMS">SHA256SUMS</a> holds the SHA-256 of every other file here; <code>sha256sum -c SHA256SUMS</code> in this directory checks them.{{if .Report.Mismatched}} <span class="warn">Snapshots whose original bytes or text do not have the SHA-256 the investigation kept with them or recorded in the journal: {{.Report.Mismatched}} (see the sources); the quotes checked against them are marked.</span>{{else}} Each snapshot's original file and text have the SHA-256 the investigation kept with them.{{end}}</dd>
{{- if .Report.OutOfStep}}
<dt>Snapshots kept</dt>
<dd class="warn">{{.Report.OutOfStep}} not as the journal last left them: taken away or brought back outside chrono (see the sources); the quotes of those sources are marked.{{range .Gone}}<br>Source <code>{{l .Source}}</code>, which the investigation no longer has, snapshot {{.N}}: {{l .Problem}}{{end}}</dd>
{{- end}}
<dt>Quotes</dt>
<dd>Each quote is checked against the latest snapshot of its source: {{range $i, $s := .States}}{{if $i}}, {{end}}{{$s.Sign}} {{$s.N}} {{$s.State}}{{end}}.{{with .Warning}} <span class="warn">{{.}}</span>{{end}}
Normalised means found once typographic quotes, white space, soft hyphens, characters shown as nothing (zero-width spaces), words hyphenated at a line's end, ligatures, Unicode forms or Markdown markup are made alike, or across a page's break and its running head and foot, or with an ellipsis standing for words left out in one paragraph; the rules a quote needed are named beside it.</dd>
</dl>
</section>

<section id="sources">
<h2>Sources</h2>
{{range .Sources}}<article id="{{.Anchor}}">
<h3><code class="id">{{l .Source.ID}}</code>{{with .Source.Title}} {{l .}}{{end}}</h3>
<dl>
{{- with .Source.Publisher}}
<dt>Publisher</dt><dd>{{l .}}</dd>{{end}}
{{- with .Source.Author}}
<dt>Author</dt><dd>{{l .}}</dd>{{end}}
{{- if not .Source.Published.IsZero}}
<dt>Published</dt><dd>{{.Source.Published.String}}</dd>{{end}}
{{- with .Source.URL}}
<dt>URL</dt><dd><code>{{l .}}</code></dd>{{end}}
{{- with .Source.Archive}}
<dt>Archived</dt><dd><code>{{l .}}</code></dd>{{end}}
</dl>
{{range .OutOfStep}}<p class="warn">✗ Snapshot {{.N}} (SHA-256 <code class="hash">{{.SHA256}}</code>): {{l .Problem}}</p>
{{end}}{{if .Snapshots}}<table>
<tr><th>Snapshot</th><th>Taken</th><th>From</th><th>Type, size</th><th>SHA-256</th><th>Files</th></tr>
{{range .Snapshots}}<tr>
<td>{{.N}}{{if .Latest}} (latest){{end}}</td>
<td>{{.Taken.UTC.Format "2006-01-02T15:04:05Z07:00"}}</td>
<td>{{l .Origin}}</td>
<td>{{.MediaType}}, {{.Size}} bytes</td>
<td><code class="hash">{{.SHA256}}</code><br>{{if .OK}}✓ its bytes match{{else}}<span class="warn">✗ MISMATCH: {{l .Problem}}</span>{{end}}</td>
<td><a href="{{.Page}}">text (page)</a>, <a href="{{.Text}}">text</a>, <a href="{{.Original}}">original</a></td>
</tr>
{{end}}</table>
{{else}}<p>No snapshot: quotes from it cannot be checked.</p>
{{end}}</article>
{{end}}</section>

<section id="chronology">
<h2>Chronology</h2>
{{end}}

{{define "event"}}<article id="{{.Anchor}}">
<h3><span class="date">{{.Date}}</span> {{l .Event.Title}}</h3>
<p><code class="id">{{l .Event.ID}}</code>{{with .Event.DateText}} · dated from “{{l .}}”{{end}} · {{with .Event.Status}}{{.Mark}} {{end}}{{.Event.Status.Word}}{{range .Event.Actors}} · {{l .}}{{end}}{{range .Event.Tags}} · #{{l .}}{{end}}</p>
{{with .Event.Summary}}<p class="multi">{{t .}}</p>{{end}}
{{if .Event.Media}}<ul class="media">{{range .Event.Media}}<li>
{{- with .Title}}<strong>{{l .}}</strong><br>{{end}}
{{- with .Caption}}<span class="multi">{{t .}}</span><br>{{end}}
{{- with .Credit}}Credit: {{l .}}<br>{{end}}
{{- with .Alt}}Described as: <span class="multi">{{t .}}</span><br>{{end}}
{{- "" }}<code>{{l .URL}}</code>{{with .Link}}, shown at <code>{{l .}}</code>{{end}}{{with .Thumbnail}}, thumbnail <code>{{l .}}</code>{{end}}</li>
{{end}}</ul>
{{end}}{{range .Quotes}}<blockquote id="q{{.N}}" class="{{if eq .State "not found"}}not-found{{end}}">
<p class="multi">{{t .Quote.Text}}</p>
<p class="state">{{with .Attribution}}{{l .}}<br>{{end}}
{{- if .Quote.Source}}Source {{if .SourceAnchor}}<a href="#{{.SourceAnchor}}">{{l .Quote.Source}}</a>{{else}}{{l .Quote.Source}} (not among the sources){{end}}<br>{{end}}
{{.Sign}} {{if eq .State "not found"}}<span class="warn">not found</span>{{else}}{{.State}}{{end}}{{with .Rules}} ({{.}}){{end}}{{if .Snapshot}} in snapshot {{.Snapshot}}{{end}}{{if .Href}}: <a href="{{.Href}}">{{if eq .State "not found"}}the closest passage{{else}}see it in the source{{end}}</a>{{end}}{{if .Untrusted}}<br><span class="warn">the snapshot does not hold up (see the source): what this check found cannot be trusted</span>{{end}}</p>
{{if and (eq .State "not found") (not .Diff)}}<p class="state">no word of it is in the snapshot</p>
{{end}}</blockquote>
{{if .Diff}}<div class="closest">
<p class="state">{{passageHead}}</p>
<blockquote class="source"><p class="multi">{{t .Closest}}</p></blockquote>
<p class="state">{{diffHead}}<br>{{range .Diff}}{{if .Space}} {{end}}{{if eq .Kind "removed"}}<del>[-{{l .Text}}-]</del>{{else if eq .Kind "added"}}<ins>{+{{l .Text}}+}</ins>{{else}}{{l .Text}}{{end}}{{end}}</p>
</div>
{{end}}{{end}}{{if .Links}}<ul>{{range .Links}}<li>{{.Rel}} {{if .Href}}<a href="{{.Href}}">{{l .Event}}</a>{{else}}{{l .Event}} (not in the timeline){{end}}</li>{{end}}</ul>
{{end}}{{range .Event.Notes}}<p class="multi"><em>Note{{with .Author}} by {{l .}}{{end}}{{if not .At.IsZero}}, {{.At.UTC.Format "2006-01-02T15:04:05Z07:00"}}{{end}}
{{- if or .EditedBy (not .Edited.IsZero)}}; edited{{with .EditedBy}} by {{l .}}{{end}}{{if not .Edited.IsZero}}, {{.Edited.UTC.Format "2006-01-02T15:04:05Z07:00"}}{{end}}{{end}}:</em> {{t .Text}}</p>
{{end}}</article>
{{end}}

{{define "foot"}}</section>
</body>
</html>
{{end}}
`))

var textTemplate = template.Must(template.New("text").Funcs(funcs).Parse(head + `{{with .Outline}}<style>{{.}}</style>
{{end}}<title>{{l .Source.ID}}, snapshot {{.Snapshot.N}} (evidence)</title>
</head>
<body>
<p><a href="../index.html#{{.SourceAnchor}}">Back to the chronology</a></p>
<h1><code class="id">{{l .Source.ID}}</code>{{with .Source.Title}} {{l .}}{{end}}, snapshot {{.Snapshot.N}}</h1>
<dl>
<dt>SHA-256 of the original</dt><dd><code class="hash">{{.Snapshot.SHA256}}</code> {{if .Snapshot.OK}}✓ its bytes match{{else}}<span class="warn">✗ MISMATCH: {{l .Snapshot.Problem}}</span>{{end}}</dd>
<dt>Taken</dt><dd>{{.Snapshot.Taken.UTC.Format "2006-01-02T15:04:05Z07:00"}} from {{l .Snapshot.Origin}}</dd>
<dt>Original</dt><dd><a href="{{.Snapshot.Original | base}}">{{.Snapshot.MediaType}}, {{.Snapshot.Size}} bytes</a>; its text: <a href="{{.Snapshot.Text | base}}">{{.Snapshot.TextSize}} bytes</a></dd>
</dl>
{{if .Quotes}}<h2>Quotes checked against it</h2>
<ul>{{range .Quotes}}<li>{{.Sign}} {{.State}}{{if .Untrusted}} <span class="warn">(cannot be trusted: this snapshot does not hold up)</span>{{end}}: {{if .Marked}}<a href="#q{{.N}}">{{l .Text}}</a>{{else}}{{l .Text}} (no word of it is in this text){{end}} (<a href="../index.html#q{{.N}}">in the chronology</a>)</li>
{{end}}</ul>
{{else if not .Snapshot.Latest}}<p>Quotes are checked against the source's latest snapshot, not this one.</p>
{{end}}<h2>Text</h2>
<p>Control and invisible characters are shown as marks (␀, &lt;U+200B&gt;).</p>
<pre class="text">{{range .Segments}}{{range .Anchors}}<span id="{{.}}"></span>{{end}}{{if .Class}}<mark class="{{.Class}}{{range .Quotes}} {{.}}{{end}}">{{.Text}}</mark>{{else}}{{.Text}}{{end}}{{end}}</pre>
</body>
</html>
`))
