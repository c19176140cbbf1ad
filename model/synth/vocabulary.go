package synth

// The vocabulary the generator draws from: invented names and everyday
// words of investigations, with a sprinkling of other scripts so that
// measurements include the cost of text that is not ASCII.

var words = []string{
	"the", "of", "and", "to", "a", "in", "that", "was", "for", "on", "with", "by", "as", "at", "from",
	"meeting", "payment", "contract", "company", "official", "ministry", "account", "transfer", "network",
	"report", "document", "email", "call", "invoice", "shipment", "subsidiary", "director", "board",
	"investigation", "witness", "statement", "court", "filing", "license", "export", "surveillance",
	"software", "phone", "server", "leak", "source", "agency", "contractor", "broker", "bank", "offshore",
	"denied", "confirmed", "alleged", "according", "reportedly", "allegedly", "said", "wrote", "signed",
	"received", "approved", "met", "travelled", "registered", "announced", "declined", "comment",
	"millions", "dollars", "euros", "shares", "deal", "tender", "audit", "records", "minutes", "cable",
}

var foreign = []string{
	"café", "naïve", "Zürich", "São", "Kraków", "Ærø", "déjà",
	"расследование", "компания", "платёж",
	"調査", "会議", "証拠", "公司",
	"تحقيق", "شركة",
	"חקירה",
	"🔍", "📞", "💰",
}

var publishers = []string{
	"The Daily Ledger", "Northern Herald", "Wire Service", "The Evening Courier", "Gazette Ouest",
	"Harbour Times", "Public Record Office", "Court Registry", "Company Registry", "Open Data Portal",
}

var givenNames = []string{
	"Alex", "Maria", "Jonas", "Aisha", "Chen", "Priya", "Omar", "Lena", "Tomás", "Yuki", "Sven", "Nadia",
	"Kwame", "Olga", "Rafael", "Ingrid", "Hiro", "Fatima", "Pieter", "Zofia",
}

var familyNames = []string{
	"Okafor", "Lindqvist", "Moreau", "Novak", "Haddad", "Tanaka", "Silva", "Kowalski", "Brennan", "Iyer",
	"Petrov", "Achterberg", "Castillo", "Nakamura", "Osei", "Varga", "Duarte", "Keller", "Rahman", "Weiss",
}

var actors = []string{
	"Atlas Holdings", "Borealis Telecom", "Cinder Capital", "Delta Logistics", "Ministry of Interior",
	"Echo Systems", "Fjord Shipping", "Granite Bank", "Harbor Authority", "Iris Security", "Juniper Trust",
	"Kestrel Media", "Lumen Networks", "Meridian Consulting", "National Police", "Orion Exports",
	"Prosecutor's Office", "Quarry Mining", "Ridge Partners", "Sable Defence",
}

var tags = []string{
	"key", "verify", "follow-up", "payments", "meetings", "leak", "court", "denial", "context",
	"travel", "contracts", "shell-company", "witness", "timeline-gap",
}

var dateWords = []string{"last year", "that spring", "a few weeks later", "in the late 1990s", "the following month", "earlier that day"}
